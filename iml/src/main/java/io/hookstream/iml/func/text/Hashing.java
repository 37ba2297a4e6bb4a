package io.hookstream.iml.func.text;

import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Digests and HMACs: {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}. */
final class Hashing {

    private Hashing() {}

    static Value md5(Value[] args, CallContext cx) {
        return digest("MD5", "HmacMD5", args, cx);
    }

    static Value sha1(Value[] args, CallContext cx) {
        return digest("SHA-1", "HmacSHA1", args, cx);
    }

    static Value sha256(Value[] args, CallContext cx) {
        return digest("SHA-256", "HmacSHA256", args, cx);
    }

    static Value sha512(Value[] args, CallContext cx) {
        return digest("SHA-512", "HmacSHA512", args, cx);
    }

    /**
     * {@code (value, [encoding=hex], [key], [keyEncoding=text])}: a buffer is hashed as its bytes,
     * anything else as the UTF-8 bytes of its text form; with a key the result is an HMAC.
     */
    private static Value digest(String algorithm, String hmac, Value[] args, CallContext cx) {
        byte[] data = Coercions.toBytes(args[0]);
        cx.step(1 + data.length / 4096);
        String encoding = Args.text(args, 1, "hex");
        byte[] result;
        try {
            if (Args.has(args, 2)) {
                byte[] key =
                        args[2].kind() == Kind.BUFFER
                                ? Coercions.toBytes(args[2])
                                : Encodings.decode(
                                        Values.text(args[2]), Args.text(args, 3, "text"));
                Mac mac = Mac.getInstance(hmac);
                // an empty HMAC key is legal but SecretKeySpec refuses it, so pad it the way HMAC
                // would
                mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, hmac));
                result = mac.doFinal(data);
            } else {
                result = MessageDigest.getInstance(algorithm).digest(data);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
        return Values.text(Encodings.encode(result, encoding));
    }
}
