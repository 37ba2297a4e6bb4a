package io.hookstream.webhook.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

    private final Headers headers =
            Headers.of(
                    List.of(
                            Map.entry("Content-Type", "application/json"),
                            Map.entry("X-Hook", "a"),
                            Map.entry("x-hook", "b"),
                            Map.entry("Accept", "*/*")));

    @Test
    void namesAreStoredLowerCasedAndLookedUpInAnyCase() {
        assertThat(headers.asMap()).containsOnlyKeys("content-type", "x-hook", "accept");
        assertThat(headers.first("CONTENT-TYPE")).isEqualTo("application/json");
        assertThat(headers.first("missing")).isNull();
    }

    @Test
    void repeatedHeadersKeepEveryValueInArrivalOrder() {
        assertThat(headers.all("X-HOOK")).containsExactly("a", "b");
        assertThat(headers.first("x-hook")).isEqualTo("a");
        assertThat(headers.all("missing")).isEmpty();
    }

    @Test
    void entriesAreGroupedByNameInFirstArrivalOrder() {
        assertThat(headers.entries())
                .containsExactly(
                        Map.entry("content-type", "application/json"),
                        Map.entry("x-hook", "a"),
                        Map.entry("x-hook", "b"),
                        Map.entry("accept", "*/*"));
    }

    @Test
    void neitherTheNamesNorTheValuesOfAnyNameCanBeChanged() {
        Headers thrice =
                Headers.of(
                        List.of(
                                Map.entry("X-Hook", "a"),
                                Map.entry("Accept", "*/*"),
                                Map.entry("X-HOOK", "b"),
                                Map.entry("x-hook", "c")));
        assertThat(thrice.all("x-hook")).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> thrice.asMap().put("y", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> thrice.all("x-hook").add("d"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> thrice.all("accept").add("d"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringNeverShowsValues() {
        assertThat(Headers.of(Map.of("Authorization", "Bearer secret")).toString())
                .doesNotContain("secret");
    }
}
