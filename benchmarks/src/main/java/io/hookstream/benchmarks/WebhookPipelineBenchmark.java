package io.hookstream.benchmarks;

import io.hookstream.benchmarks.load.Fixtures;
import io.hookstream.iml.Iml;
import io.hookstream.webhook.pipeline.EdgeOutcome;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.pipeline.ProcessingOutcome;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.RequestParser;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.WebhookDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library half of the ingress and router hot paths, on the load tests' app and 1 KB body:
 * {@code atEdge} (github signature, JSON respond) as the ingress runs it per request, {@code
 * process} (iterate over two items, output per item) as the router runs it per event, and the
 * request parse both share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebhookPipelineBenchmark {

    private WebhookProcessor processor;
    private RequestParser parser;
    private WebhookDefinition dedicated;
    private HookScope scope;
    private WebhookRequest request;

    @Setup
    public void setUp() {
        Iml iml = Iml.standard();
        processor = new WebhookProcessor(iml, Clock.systemUTC());
        parser = RequestParser.forLimits(iml.limits());
        AppDefinition app =
                new AppDefinitionParser(iml).parse(Fixtures.APP_ID, Fixtures.appDefinition());
        dedicated =
                Objects.requireNonNull(
                        app.webhook(Fixtures.DEDICATED), "the fixture app has a dedicated webhook");
        JsonMapper json = JsonMapper.builder().build();
        scope =
                HookScope.of(
                        app,
                        json.readTree("{\"secret\":\"" + Fixtures.HOOK_SECRET + "\"}"),
                        null,
                        null);
        byte[] body =
                Fixtures.body(
                        1001, 1_700_000_000_000_000L, Fixtures.account(0), Fixtures.account(1));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", "127.0.0.1:8080"));
        Fixtures.headers().forEach((k, v) -> headers.add(Map.entry(k, v)));
        headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
        headers.add(
                Map.entry(
                        "X-Hub-Signature-256",
                        Fixtures.githubSignature(Fixtures.HOOK_SECRET, body)));
        request =
                new WebhookRequest(
                        "POST",
                        "/hooks/hook-bench-0",
                        Headers.of(headers),
                        "",
                        "application/json",
                        body,
                        Instant.now());
        if (!(processor.atEdge(dedicated.spec(), scope, request) instanceof EdgeOutcome.Accepted)) {
            throw new IllegalStateException(
                    "the benchmark request is not accepted: "
                            + processor.atEdge(dedicated.spec(), scope, request));
        }
        if (!(processor.process(dedicated.spec(), dedicated.type(), scope, request)
                        instanceof ProcessingOutcome.Items items)
                || items.items().size() != Fixtures.ITEMS_PER_EVENT) {
            throw new IllegalStateException("the benchmark request does not give two items");
        }
    }

    @Benchmark
    public EdgeOutcome atEdge() {
        return processor.atEdge(dedicated.spec(), scope, request);
    }

    @Benchmark
    public ProcessingOutcome process() {
        return processor.process(dedicated.spec(), dedicated.type(), scope, request);
    }

    @Benchmark
    public Object parseRequest() {
        return parser.parse(request);
    }
}
