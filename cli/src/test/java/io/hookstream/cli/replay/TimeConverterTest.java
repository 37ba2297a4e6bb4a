package io.hookstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeConverterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final TimeConverter converter = new TimeConverter(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsInstantsOffsetsAndDates() {
        assertThat(converter.convert("2026-03-01T10:15:30.5Z"))
                .isEqualTo(Instant.parse("2026-03-01T10:15:30.500Z"));
        assertThat(converter.convert("2026-03-01T14:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(converter.convert(" 2026-02-28 "))
                .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
    }

    @Test
    void readsMomentsBeforeNow() {
        assertThat(converter.convert("now")).isEqualTo(NOW);
        assertThat(converter.convert("NOW-250ms")).isEqualTo(NOW.minusMillis(250));
        assertThat(converter.convert("now-30s")).isEqualTo(NOW.minusSeconds(30));
        assertThat(converter.convert("now-15m")).isEqualTo(NOW.minusSeconds(900));
        assertThat(converter.convert("now-2h")).isEqualTo(NOW.minusSeconds(7200));
        assertThat(converter.convert("now-7d")).isEqualTo(Instant.parse("2026-02-22T12:00:00Z"));
    }

    @Test
    void refusesAnythingElseWithExamples() {
        for (String bad :
                new String[] {
                    "",
                    "yesterday",
                    "2026-03-01T12:00:00",
                    "now+1h",
                    "now-1w",
                    "now-99999999999999999999d",
                    "1700000000000"
                }) {
            assertThatThrownBy(() -> converter.convert(bad))
                    .as(bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining(bad.isEmpty() ? "not a time" : bad);
        }
        assertThatThrownBy(() -> converter.convert("now-9999999999999d"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("too far back");
    }
}
