package io.hookstream.webhook.conformance;

import io.hookstream.iml.Iml;
import io.hookstream.webhook.pipeline.DedupeOutcome;
import io.hookstream.webhook.pipeline.EdgeOutcome;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.pipeline.HttpAnswer;
import io.hookstream.webhook.pipeline.Item;
import io.hookstream.webhook.pipeline.ProcessingOutcome;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.request.MediaType;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.SpecException;
import io.hookstream.webhook.spec.WebhookSpec;
import io.hookstream.webhook.spec.WebhookType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one whole-webhook conformance case ({@code "kind": "webhook"}, see the corpus README)
 * through the production path: {@link AppDefinitionParser#parseWebhookSpec} → {@link
 * WebhookProcessor#atEdge} → {@link WebhookProcessor#dedupe} and {@link WebhookProcessor#process}
 * (only for a request the edge accepted, as the router would; a dedupe key that fails to evaluate
 * dead-letters the event as a failed {@code process} does).
 *
 * <p>Comparison rules: status exactly; content type by media type, ignoring parameters; expected
 * headers case-insensitively (absent keys are not checked); a JSON response body as parsed JSON,
 * other bodies as exact strings; bundles as JSON (numbers by value, typed markers decoded); uids as
 * text; {@code expectedDeadLetter} against a failed processing outcome; {@code expectedDedupeKey}
 * (text, or null for no key) and {@code expectedDedupeWindow} (seconds) against the dedupe key of
 * the event. Whether a key was seen before is router state and not part of a case. Thread-safe.
 */
public final class WebhookCaseRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Iml iml;
    private final AppDefinitionParser parser;

    public WebhookCaseRunner(Iml iml) {
        this.iml = Objects.requireNonNull(iml, "iml");
        this.parser = new AppDefinitionParser(iml);
    }

    /** Whether {@code testCase} is a whole-webhook case this runner handles. */
    public static boolean isWebhookCase(JsonNode testCase) {
        return "webhook".equals(testCase.path("kind").asString(""));
    }

    public CaseResult run(JsonNode testCase) {
        String id = testCase.path("id").asString("(no id)");
        ObjectNode expected = expectations(testCase);
        try {
            return execute(id, testCase, expected);
        } catch (SpecException e) {
            return new CaseResult(
                    id, false, text(expected), "spec refused", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return new CaseResult(id, false, text(expected), "error", "case could not run: " + e);
        }
    }

    private CaseResult execute(String id, JsonNode testCase, ObjectNode expected) {
        WebhookSpec spec = parser.parseWebhookSpec(testCase.path("webhookSpec"), "");
        WebhookType type =
                "shared".equals(testCase.path("webhookType").asString("dedicated"))
                        ? WebhookType.SHARED
                        : WebhookType.DEDICATED;
        Instant now = now(testCase.get("now"));
        Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
        WebhookProcessor processor = new WebhookProcessor(iml, clock);
        HookScope scope =
                HookScope.of(
                        testCase.get("parameters"),
                        testCase.get("common"),
                        testCase.get("connection"),
                        testCase.get("webhook"),
                        timezone(testCase));
        WebhookRequest request =
                CaseRequest.build(testCase.path("request"), now == null ? Instant.now() : now);

        EdgeOutcome edge = processor.atEdge(spec, scope, request);
        DedupeOutcome dedupe =
                edge instanceof EdgeOutcome.Accepted
                        ? processor.dedupe(spec, scope, request)
                        : new DedupeOutcome.None();
        ProcessingOutcome processing;
        if (!(edge instanceof EdgeOutcome.Accepted)) {
            processing = new ProcessingOutcome.Items(List.of());
        } else if (dedupe instanceof DedupeOutcome.Failed failed) {
            processing =
                    new ProcessingOutcome.Failed(
                            failed.directivePath(), failed.code(), failed.message());
        } else {
            processing = processor.process(spec, type, scope, request);
        }

        ObjectNode actual = NODES.objectNode();
        actual.set("response", describe(edge.answer()));
        List<String> mismatches = new ArrayList<>();
        compareResponse(testCase.path("expectedResponse"), edge.answer(), mismatches);
        if (edge instanceof EdgeOutcome.Failed failed) {
            actual.put(
                    "edgeFailure",
                    failed.code() + " at " + failed.directivePath() + ": " + failed.message());
        }
        compareProcessing(testCase, processing, actual, mismatches);
        compareDedupe(testCase, dedupe, actual, mismatches);
        return new CaseResult(
                id,
                mismatches.isEmpty(),
                text(expected),
                text(actual),
                String.join("; ", mismatches));
    }

    private static void compareResponse(
            JsonNode expected, HttpAnswer answer, List<String> mismatches) {
        if (expected.has("status") && expected.get("status").asInt() != answer.status()) {
            mismatches.add(
                    "status " + answer.status() + " instead of " + expected.get("status").asInt());
        }
        if (expected.has("contentType")
                && !sameMediaType(expected.get("contentType").asString(), answer.contentType())) {
            mismatches.add(
                    "content type "
                            + answer.contentType()
                            + " instead of "
                            + expected.get("contentType").asString());
        }
        for (Map.Entry<String, JsonNode> header : expected.path("headers").properties()) {
            String want = header.getValue().asString();
            boolean contentType = header.getKey().equalsIgnoreCase("content-type");
            String got = contentType ? answer.contentType() : answer.header(header.getKey());
            if (contentType ? !sameMediaType(want, got) : !want.equals(got)) {
                mismatches.add("header " + header.getKey() + " is " + got + " instead of " + want);
            }
        }
        if (expected.has("body") && !sameBody(expected.get("body"), answer)) {
            mismatches.add("response body differs");
        }
    }

    private static void compareProcessing(
            JsonNode testCase,
            ProcessingOutcome outcome,
            ObjectNode actual,
            List<String> mismatches) {
        boolean deadLetter = outcome instanceof ProcessingOutcome.Failed;
        List<Item> items =
                outcome instanceof ProcessingOutcome.Items list ? list.items() : List.of();
        ArrayNode bundles = actual.putArray("bundles");
        ArrayNode uids = actual.putArray("uids");
        items.forEach(
                item -> {
                    bundles.add(item.output());
                    uids.add(item.uid());
                });
        actual.put("deadLetter", deadLetter);
        if (outcome instanceof ProcessingOutcome.Failed failed) {
            actual.put(
                    "failure",
                    failed.code() + " at " + failed.directivePath() + ": " + failed.message());
        }
        if (deadLetter != testCase.path("expectedDeadLetter").asBoolean(false)) {
            mismatches.add(
                    deadLetter
                            ? "processing failed unexpectedly"
                            : "processing should have failed");
        }
        JsonNode expectedBundles = testCase.get("expectedBundles");
        if (expectedBundles != null
                && !TypedJson.equivalent(TypedJson.normalise(expectedBundles), bundles)) {
            mismatches.add("bundles differ");
        }
        JsonNode expectedUids = testCase.get("expectedUids");
        if (expectedUids != null) {
            List<String> want = new ArrayList<>();
            expectedUids.forEach(uid -> want.add(TypedJson.uidText(uid)));
            List<String> got = new ArrayList<>();
            items.forEach(item -> got.add(String.valueOf(item.uid())));
            if (!want.equals(got)) {
                mismatches.add("uids " + got + " instead of " + want);
            }
        }
    }

    private static void compareDedupe(
            JsonNode testCase, DedupeOutcome outcome, ObjectNode actual, List<String> mismatches) {
        String key = outcome instanceof DedupeOutcome.Key k ? k.key() : null;
        Long window = outcome instanceof DedupeOutcome.Key k ? k.window().toSeconds() : null;
        actual.put("dedupeKey", key);
        actual.put("dedupeWindow", window);
        JsonNode expectedKey = testCase.get("expectedDedupeKey");
        if (expectedKey != null) {
            String want = expectedKey.isNull() ? null : TypedJson.uidText(expectedKey);
            if (!Objects.equals(want, key)) {
                mismatches.add("dedupe key " + key + " instead of " + want);
            }
        }
        JsonNode expectedWindow = testCase.get("expectedDedupeWindow");
        if (expectedWindow != null
                && (window == null || expectedWindow.asLong() != window.longValue())) {
            mismatches.add("dedupe window " + window + " instead of " + expectedWindow.asLong());
        }
    }

    /** A null expected body means no body at all (D22: a respond without body). */
    private static boolean sameBody(JsonNode expected, HttpAnswer answer) {
        if (expected.isNull()) {
            return answer.body().length == 0;
        }
        MediaType mediaType = MediaType.parse(answer.contentType());
        if (mediaType != null && mediaType.isJson()) {
            try {
                return TypedJson.equivalent(
                        TypedJson.normalise(expected), JSON.readTree(answer.body()));
            } catch (JacksonException e) {
                return false;
            }
        }
        String want = expected.isString() ? expected.stringValue() : text(expected);
        return want.equals(answer.bodyText());
    }

    private static boolean sameMediaType(String expected, @Nullable String actual) {
        MediaType want = MediaType.parse(expected);
        MediaType got = MediaType.parse(actual);
        return want != null && got != null && want.essence().equals(got.essence());
    }

    private static ObjectNode describe(HttpAnswer answer) {
        ObjectNode response =
                NODES.objectNode()
                        .put("status", answer.status())
                        .put("contentType", answer.contentType());
        ObjectNode headers = response.putObject("headers");
        answer.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        response.put("body", answer.bodyText());
        return response;
    }

    private static ObjectNode expectations(JsonNode testCase) {
        ObjectNode expected = NODES.objectNode();
        expected.set("response", testCase.path("expectedResponse").deepCopy());
        if (testCase.has("expectedBundles")) {
            expected.set("bundles", testCase.get("expectedBundles").deepCopy());
        }
        if (testCase.has("expectedUids")) {
            expected.set("uids", testCase.get("expectedUids").deepCopy());
        }
        expected.put("deadLetter", testCase.path("expectedDeadLetter").asBoolean(false));
        if (testCase.has("expectedDedupeKey")) {
            expected.set("dedupeKey", testCase.get("expectedDedupeKey").deepCopy());
        }
        if (testCase.has("expectedDedupeWindow")) {
            expected.set("dedupeWindow", testCase.get("expectedDedupeWindow").deepCopy());
        }
        return expected;
    }

    private static @Nullable Instant now(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return Instant.parse(node.isObject() ? node.path("$date").asString() : node.asString());
    }

    private static ZoneId timezone(JsonNode testCase) {
        String zone = testCase.path("options").path("timezone").asString("UTC");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("case has an unknown timezone '" + zone + "'", e);
        }
    }

    private static String text(JsonNode node) {
        return new String(JSON.writeValueAsBytes(node), StandardCharsets.UTF_8);
    }
}
