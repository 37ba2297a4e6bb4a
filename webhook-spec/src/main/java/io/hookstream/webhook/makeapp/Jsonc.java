package io.hookstream.webhook.makeapp;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's file format: JSON with {@code //} and block comments and trailing commas (JSONC).
 * Thread-safe.
 */
final class Jsonc {

    private final JsonMapper mapper =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    /**
     * @return the value, or {@code null} for a file that holds only comments or whitespace
     * @throws MakeAppException naming the file, line and column of a syntax error
     */
    @Nullable JsonNode parse(String file, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where =
                    at == null || at.getLineNr() < 1
                            ? ""
                            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw MakeAppException.of(
                    file,
                    "",
                    MakeAppException.INVALID,
                    "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}
