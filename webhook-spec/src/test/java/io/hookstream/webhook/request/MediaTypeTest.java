package io.hookstream.webhook.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void headersOfOnlySemicolonsOrNothingHaveNoMediaType() {
        assertThat(MediaType.parse(";")).isNull();
        assertThat(MediaType.parse(";;;")).isNull();
        assertThat(MediaType.parse("")).isNull();
        assertThat(MediaType.parse(" ; charset=utf-8")).isNull();
    }

    @Test
    void emptyParametersAreIgnored() {
        assertThat(MediaType.parse("Application/JSON;;charset=\"utf-8\";"))
                .isEqualTo(new MediaType("application", "json", Map.of("charset", "utf-8")));
    }
}
