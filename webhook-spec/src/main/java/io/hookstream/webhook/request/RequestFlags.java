package io.hookstream.webhook.request;

/**
 * Flags that {@link RequestParser} raises on a request it could only partly interpret. They travel
 * with the raw event so that operators can find such requests; none of them is an error at the
 * edge.
 */
public final class RequestFlags {

    /** The body was declared JSON but did not parse; {@code body} is its text instead. */
    public static final String MALFORMED_JSON = "MALFORMED_JSON";

    /**
     * The JSON body broke a parser limit (nesting depth, token or string length); {@code body} is
     * its text.
     */
    public static final String JSON_LIMIT_EXCEEDED = "JSON_LIMIT_EXCEEDED";

    /**
     * The body was declared multipart but its parts could not be read; {@code body} is its text.
     */
    public static final String MALFORMED_MULTIPART = "MALFORMED_MULTIPART";

    /** The body bytes are not valid in their declared charset; {@code body} is a buffer. */
    public static final String UNDECODABLE_TEXT = "UNDECODABLE_TEXT";

    private RequestFlags() {}
}
