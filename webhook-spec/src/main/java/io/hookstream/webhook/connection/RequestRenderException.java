package io.hookstream.webhook.connection;

/** A request directive could not be rendered or its response could not be interpreted. */
public class RequestRenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String directivePath;
    private final String code;

    public RequestRenderException(String directivePath, String code, String message) {
        super(code + " at " + directivePath + ": " + message);
        this.directivePath = directivePath;
        this.code = code;
    }

    /** Relative to the request directive, e.g. {@code headers} or {@code response.uid}. */
    public String directivePath() {
        return directivePath;
    }

    /** An IML error code, or {@code WEBHOOK-REQUEST} for a value of the wrong shape. */
    public String code() {
        return code;
    }
}
