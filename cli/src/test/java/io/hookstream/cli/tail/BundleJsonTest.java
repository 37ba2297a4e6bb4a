package io.hookstream.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleJsonTest {

    private final BundleJson json = new BundleJson();

    @Test
    void rendersEveryFieldInOrderWithTheOutputAsNestedJson() {
        BundleJson.Rendered rendered =
                json.render(
                        Bundles.decoded(
                                "evt-1",
                                2,
                                "hook-9",
                                "user-1",
                                "conn-3",
                                "{\"order\":{\"id\":17,\"tags\":[\"a\",\"b\"]},\"paid\":true}"));

        assertThat(rendered.outputIsJson()).isTrue();
        assertThat(rendered.json())
                .isEqualTo(
                        Bundles.line(
                                "evt-1",
                                2,
                                "hook-9",
                                "user-1",
                                "conn-3",
                                "{\"order\":{\"id\":17,\"tags\":[\"a\",\"b\"]},\"paid\":true}"));
    }

    @Test
    void aMissingConnectionIsNull() {
        assertThat(json.render(Bundles.decoded("evt-1", 0, "hook-1", "user-1", null, "[]")).json())
                .contains("\"connectionId\":null");
    }

    @Test
    void numbersKeepTheirDigits() {
        String output =
                "{\"total\":10.50,\"tiny\":0.1000000000000000055511151231257827,\"huge\":123456789012345678901234567890}";

        assertThat(
                        json.render(Bundles.decoded("evt-1", 0, "hook-1", "user-1", null, output))
                                .json())
                .endsWith(",\"output\":" + output + "}");
    }

    @Test
    void anOutputSpreadOverLinesBecomesPartOfOneLine() {
        String rendered =
                json.render(
                                Bundles.decoded(
                                        "evt-1",
                                        0,
                                        "hook-1",
                                        "user-1",
                                        null,
                                        "{\n  \"a\" : 1\n}\n"))
                        .json();

        assertThat(rendered).doesNotContain("\n").endsWith(",\"output\":{\"a\":1}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"a\":", "not json", "{} {}"})
    void anOutputThatIsNotJsonIsShownAsAStringAndFlagged(String output) {
        BundleJson.Rendered rendered =
                json.render(Bundles.decoded("evt-1", 0, "hook-1", "user-1", null, output));

        assertThat(rendered.outputIsJson()).isFalse();
        assertThat(rendered.json())
                .endsWith(",\"output\":\"" + output.replace("\"", "\\\"") + "\"}");
    }

    @Test
    void scalarOutputsAreJsonToo() {
        assertThat(
                        json.render(
                                        Bundles.decoded(
                                                "evt-1", 0, "hook-1", "user-1", null, "\"text\""))
                                .json())
                .endsWith(",\"output\":\"text\"}");
        assertThat(
                        json.render(Bundles.decoded("evt-1", 0, "hook-1", "user-1", null, "null"))
                                .json())
                .endsWith(",\"output\":null}");
    }
}
