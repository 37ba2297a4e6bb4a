package io.hookstream.webhook.request;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.jspecify.annotations.Nullable;

/** Strict decoding: a request body is text only if every byte sequence is valid in its charset. */
final class TextDecoding {

    private TextDecoding() {}

    /** The decoded text, or {@code null} when the bytes are not valid in {@code charset}. */
    static @Nullable String decodeStrictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
