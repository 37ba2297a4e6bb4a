package io.hookstream.localkafka;

import org.jspecify.annotations.Nullable;

/**
 * The broker could not be formatted, started or reached. No broker is left running when this is
 * thrown.
 */
public final class LocalKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalKafkaException(String message) {
        super(message);
    }

    public LocalKafkaException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
