package io.hookstream.operations.scan;

/** A topic an operation reads does not exist at the cluster it was pointed at. */
public final class MissingTopicException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public MissingTopicException(String topic, String message) {
        super(message);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
