package io.hookstream.connections.hooks;

import java.security.SecureRandom;

/**
 * Hook ids are the only secret in a dedicated webhook URL, so they carry 160 random bits from a
 * cryptographic generator, written in lower-case base32 (32 characters, URL- and topic-safe).
 */
final class HookIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int BYTES = 20;

    private final SecureRandom random = new SecureRandom();

    String next() {
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
