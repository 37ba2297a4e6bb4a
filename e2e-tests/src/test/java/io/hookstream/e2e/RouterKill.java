package io.hookstream.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.GroupState;

/**
 * Kills the router child process of {@link Services} with SIGKILL (no commit, no abort, no goodbye
 * to its group), then either leaves the work to another router of the same application that was
 * already running, or starts a new router in its place on the same state directory.
 */
final class RouterKill implements FaultRun.Fault {

    private final Services services;
    private final boolean replace;
    private int membersBefore = -1;

    private RouterKill(Services services, boolean replace) {
        this.services = services;
        this.replace = replace;
    }

    /**
     * Not replaced: the surviving router takes the dead one's partitions over once its session
     * expires ({@code hookstream.router.session-timeout}).
     */
    static RouterKill leavingTheOther(Services services) {
        return new RouterKill(services, false);
    }

    /** Replaced by a router of this JVM on the same state directory and application id. */
    static RouterKill replacedOnItsState(Services services) {
        return new RouterKill(services, true);
    }

    /**
     * Waits until the routers' group is stable with {@code members} members: a router process just
     * started takes seconds to join, and killing it before would kill a router that owned nothing.
     */
    static void awaitGroupOf(Services services, int members, Duration timeout) throws Exception {
        String group = services.routerApplicationId();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(services)) {
            while (true) {
                ConsumerGroupDescription description =
                        admin.describeConsumerGroups(List.of(group))
                                .all()
                                .get(30, TimeUnit.SECONDS)
                                .get(group);
                if (description.members().size() == members
                        && description.groupState() == GroupState.STABLE) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the routers' group has "
                                    + description.members().size()
                                    + " members in state "
                                    + description.groupState()
                                    + " after "
                                    + timeout
                                    + ", not "
                                    + members);
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void inject() throws Exception {
        String group = services.routerApplicationId();
        try (Admin admin = admin(services)) {
            membersBefore =
                    admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(group)
                            .members()
                            .size();
        }
        services.killRouterProcess();
    }

    /**
     * A member that dies without leaving keeps its tasks until its session expires, and its
     * replacement would wait that long; removing it, as {@code kafka-streams-application-reset
     * --force} does, only shortens the wait: it does not touch the dead router's open transaction,
     * whose abort is what a crash tests.
     */
    @Override
    public void heal() throws Exception {
        if (!replace) {
            return;
        }
        try (Admin admin = admin(services)) {
            admin.removeMembersFromConsumerGroup(
                            services.routerApplicationId(),
                            new RemoveMembersFromConsumerGroupOptions())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        services.startRouter();
    }

    @Override
    public String describe() {
        return "router_group_members_before_kill=" + membersBefore + " replaced=" + replace;
    }

    private static Admin admin(Services services) {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, services.bootstrapServers()));
    }
}
