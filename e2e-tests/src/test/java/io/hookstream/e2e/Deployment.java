package io.hookstream.e2e;

import java.util.List;

/**
 * A running Hookstream a load scenario can be set up on: services in this JVM ({@link Services}) or
 * each in a process of its own ({@link Fleet}).
 */
interface Deployment {

    String bootstrapServers();

    ControlPlaneClient controlPlane();

    /**
     * The URLs a sender reaches a hook at, one per ingress instance, for a driver that spreads its
     * requests over them as a load balancer would.
     */
    default List<String> ingressUrlsOf(String hookUrl) {
        return List.of(hookUrl);
    }
}
