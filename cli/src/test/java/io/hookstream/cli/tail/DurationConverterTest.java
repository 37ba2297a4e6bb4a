package io.hookstream.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({
        "500ms,PT0.5S",
        "30s,PT30S",
        "5m,PT5M",
        "2h,PT2H",
        "PT1M30S,PT1M30S",
        "pt10s,PT10S",
        " 7S ,PT7S"
    })
    void readsShortFormsAndIso8601(String text, String expected) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "soon",
                "10",
                "1.5s",
                "-5s",
                "0s",
                "PT0S",
                "99999999999999999999h",
                "9223372036854775807h"
            })
    void rejectsWhatIsNotAPositiveDuration(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class);
    }
}
