package io.hookstream.iml.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.Iml;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.TestValues;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.catalogue.StandardCatalogue;
import io.hookstream.iml.value.JsonText;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Golden cases under {@code golden/<area>/*.json}: each file is an array of {@code {name, expr,
 * input?, timezone?, expected | error{code, start?, end?}}}, where {@code expr} is any JSON
 * template and {@code input} binds root variables (typed markers allowed). {@code
 * golden/overrides.json} lists known deviations ({@code {name, expected, reason}}).
 */
class GoldenTest {

    private static final Instant NOW = Instant.parse("2020-01-01T00:00:00Z");

    record Case(String area, String file, JsonNode node) {
        String name() {
            return node.path("name").asString();
        }
    }

    static Path root() throws URISyntaxException {
        URL url = GoldenTest.class.getResource("/golden");
        assertThat(url).as("golden resources").isNotNull();
        return Path.of(url.toURI());
    }

    static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root())) {
            for (Path file :
                    (Iterable<Path>)
                            files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                if (file.getFileName().toString().equals("overrides.json")) {
                    continue;
                }
                String area = file.getParent().getFileName().toString();
                for (JsonNode node : TestValues.JSON.readTree(Files.readString(file))) {
                    cases.add(new Case(area, file.getFileName().toString(), node));
                }
            }
        }
        return cases;
    }

    static Map<String, JsonNode> overrides() throws IOException, URISyntaxException {
        Map<String, JsonNode> out = new HashMap<>();
        Path file = root().resolve("overrides.json");
        for (JsonNode o : TestValues.JSON.readTree(Files.readString(file))) {
            assertThat(o.path("reason").asString())
                    .as("override reason for " + o.path("name"))
                    .isNotBlank();
            out.put(o.path("name").asString(), o);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicNode> golden() throws Exception {
        Map<String, JsonNode> overrides = overrides();
        Map<String, List<DynamicNode>> byArea = new java.util.TreeMap<>();
        for (Case c : cases()) {
            byArea.computeIfAbsent(c.area() + "/" + c.file(), k -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(c.name(), () -> run(c, overrides.get(c.name()))));
        }
        return byArea.entrySet().stream()
                .map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue()));
    }

    private static void run(Case c, JsonNode override) {
        JsonNode node = c.node();
        EvalContext.Builder ctx = EvalContext.builder().now(NOW);
        for (Map.Entry<String, JsonNode> e : node.path("input").properties()) {
            ctx.variable(e.getKey(), TestValues.typed(e.getValue()));
        }
        if (node.has("timezone")) {
            ctx.timezone(ZoneId.of(node.get("timezone").stringValue()));
        }
        JsonNode expr = node.get("expr");
        assertThat(expr).as("expr of " + c.name()).isNotNull();
        if (node.has("error")) {
            JsonNode error = node.get("error");
            ImlException e =
                    assertThrows(
                            ImlException.class,
                            () -> Iml.standard().compile(expr, "").evaluate(ctx.build()));
            assertThat(e.code().id()).as(e.getMessage()).isEqualTo(error.get("code").stringValue());
            if (error.has("start")) {
                assertThat(e.span().start())
                        .as("span start: " + e.getMessage())
                        .isEqualTo(error.get("start").intValue());
            }
            if (error.has("end")) {
                assertThat(e.span().end())
                        .as("span end: " + e.getMessage())
                        .isEqualTo(error.get("end").intValue());
            }
            return;
        }
        JsonNode expectedJson = override != null ? override.get("expected") : node.get("expected");
        assertThat(expectedJson).as("expected of " + c.name()).isNotNull();
        Value expected = TestValues.typed(expectedJson);
        Value actual = Iml.standard().compile(expr, "").evaluate(ctx.build());
        assertThat(describe(actual)).isEqualTo(describe(expected));
        assertThat(actual).isEqualTo(expected);
    }

    private static String describe(Value v) {
        return v.kind() + ":" + (v.kind() == Kind.UNDEFINED ? "undefined" : JsonText.write(v));
    }

    @Test
    void everyRegisteredFunctionHasAGoldenCase() throws Exception {
        StringBuilder all = new StringBuilder();
        for (Case c : cases()) {
            all.append(c.node().get("expr").toString()).append('\n');
        }
        TreeSet<String> missing = new TreeSet<>();
        for (FunctionSpec spec : StandardCatalogue.registry().all()) {
            if (!all.toString().contains(spec.name() + "(")) {
                missing.add(spec.name());
            }
        }
        assertThat(missing).as("functions without a golden case").isEmpty();
    }

    @Test
    void goldenResourcesAreReadable() throws Exception {
        try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/overrides.json")) {
            assertThat(in).isNotNull();
        }
        assertThat(cases()).hasSizeGreaterThan(100);
    }
}
