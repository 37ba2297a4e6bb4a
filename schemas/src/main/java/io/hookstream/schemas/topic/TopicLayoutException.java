package io.hookstream.schemas.topic;

/**
 * Existing topics are laid out in a way the services cannot work with; waiting does not change it.
 */
public final class TopicLayoutException extends RuntimeException {

    public TopicLayoutException(String message) {
        super(message);
    }
}
