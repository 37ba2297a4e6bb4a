package io.hookstream.webhook.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LogSanitizerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String LOG =
            """
      {"request": {"url": "https://a.test", "headers": {"Authorization": "Bearer t", "X-API-Key": "k", "Accept": "*/*"},
                   "qs": {"api_key": "q"}, "body": {"password": "p", "items": [{"token": "1"}, {"token": "2"}]}},
       "response": {"status": 200, "headers": {"x-api-key": "again"}, "body": {"access_token": "a", "name": "n"}}}
      """;

    @Test
    void masksTheListedPathsWithHeaderNamesInAnyCase() {
        LogSanitizer sanitizer =
                new LogSanitizer(
                        List.of(
                                "request.headers.authorization",
                                "request.headers.`X-API-Key`",
                                "request.body.password",
                                "request.qs.api_key",
                                "response.body.access_token",
                                "request.body.items.token"));

        JsonNode sanitized = sanitizer.sanitize(JSON.readTree(LOG));

        assertThat(sanitized.toString())
                .isEqualTo(
                        JSON.readTree(
                                        """
        {"request": {"url": "https://a.test", "headers": {"Authorization": "********", "X-API-Key": "********", "Accept": "*/*"},
                     "qs": {"api_key": "********"}, "body": {"password": "********", "items": [{"token": "********"}, {"token": "********"}]}},
         "response": {"status": 200, "headers": {"x-api-key": "again"}, "body": {"access_token": "********", "name": "n"}}}
        """)
                                .toString());
    }

    @Test
    void keysOutsideHeadersAreCaseSensitive() {
        JsonNode sanitized =
                new LogSanitizer(List.of("request.body.PASSWORD")).sanitize(JSON.readTree(LOG));

        assertThat(sanitized.at("/request/body/password").asString()).isEqualTo("p");
    }

    @Test
    void theInputIsNotChangedAndMissingPathsAreFine() {
        JsonNode log = JSON.readTree(LOG);

        new LogSanitizer(List.of("request.headers.authorization", "response.body.missing.deeper"))
                .sanitize(log);

        assertThat(log.at("/request/headers/Authorization").asString()).isEqualTo("Bearer t");
    }

    @Test
    void backticksQuoteDotsInSegments() {
        assertThat(LogSanitizer.segments("request.headers.`x.weird.name`.tail"))
                .containsExactly("request", "headers", "x.weird.name", "tail");
    }
}
