package io.hookstream.connections.ids;

import java.security.SecureRandom;

/**
 * Ids that must not be guessable: a hook id is the only secret in a dedicated webhook URL, and a
 * connection id names someone's credentials. Each carries 160 random bits from a cryptographic
 * generator, written in lower-case base32 (32 characters, URL- and topic-safe). Thread-safe.
 */
public final class RandomIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int BYTES = 20;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bits = new byte[BYTES];
        random.nextBytes(bits);
        StringBuilder id = new StringBuilder(BYTES * 8 / 5);
        int buffer = 0;
        int available = 0;
        for (byte b : bits) {
            buffer = (buffer << 8) | (b & 0xFF);
            available += 8;
            while (available >= 5) {
                id.append(ALPHABET[(buffer >> (available - 5)) & 31]);
                available -= 5;
            }
        }
        return id.toString();
    }
}
