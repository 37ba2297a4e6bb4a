package io.hookstream.support.secrets;

/** Sealed data that cannot be opened; the message never contains key material or plaintext. */
public final class SealedDataException extends RuntimeException {

    public SealedDataException(String message) {
        super(message);
    }
}
