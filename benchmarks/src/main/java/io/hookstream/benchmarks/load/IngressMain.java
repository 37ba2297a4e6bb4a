package io.hookstream.benchmarks.load;

import io.hookstream.ingress.IngressApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingress service alone in this JVM, with the no-op endpoint of {@link NoopEndpoint} beside the
 * webhook routes. Arguments: {@code <bootstrap-servers> <port> <port-file>}; the bound port is
 * written to the file once the service is up. The process runs until it is stopped.
 */
public final class IngressMain {

    private IngressMain() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int port = Integer.parseInt(args[1]);
        Path portFile = Path.of(args[2]);
        ConfigurableApplicationContext context =
                IngressApplication.builder()
                        .sources(NoopEndpoint.class)
                        .run(
                                "--hookstream.kafka.bootstrap-servers=" + bootstrap,
                                "--server.port=" + port,
                                "--management.server.port=0",
                                // the per-hook limiter still runs on every request, it just never
                                // refuses one
                                "--hookstream.ingress.rate-limit-requests=" + Integer.MAX_VALUE,
                                "--hookstream.secrets.data-key=" + Fixtures.DATA_KEY,
                                "--logging.level.root=WARN",
                                "--logging.level.io.hookstream=WARN");
        int bound =
                Objects.requireNonNull(
                                ((WebServerApplicationContext) context).getWebServer(),
                                "a started web application has a server")
                        .getPort();
        Files.writeString(portFile, Integer.toString(bound));
        System.out.println("ingress ready port=" + bound);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "ingress-shutdown"));
        Thread.currentThread().join();
    }
}
