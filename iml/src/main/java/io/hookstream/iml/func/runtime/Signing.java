package io.hookstream.iml.func.runtime;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code cryptoSign(algorithm, data, key, [outputEncoding='hex'])}, the runtime's wrapper around
 * Node's {@code crypto.sign(algorithm, data, key)}: the digest name picks the hash and the key
 * picks the scheme (RSA keys sign RSASSA-PKCS1-v1_5, EC keys ECDSA in DER form as Node's default
 * {@code dsaEncoding}, Ed25519/Ed448 keys EdDSA, which has no separate digest so the name is
 * ignored).
 */
final class Signing {

    private Signing() {}

    static Value cryptoSign(Value[] args, CallContext cx) {
        if (Values.isMissing(args[1])) {
            return args[1];
        }
        byte[] data = Coercions.toBytes(args[1]);
        cx.step(1 + data.length / 4096);
        if (!Args.has(args, 2) || args[2].kind() != Kind.TEXT) {
            throw new EvalException(
                    ErrorCode.INVALID_KEY, "cryptoSign", "expected a PEM private key");
        }
        PrivateKey key = Keys.privateKey(Values.text(args[2]), "cryptoSign");
        String algorithm = Args.text(args, 0, "");
        String encoding = Args.text(args, 3, "hex");
        // fail on a bad encoding before doing the expensive part
        encode(new byte[0], encoding);
        byte[] signature = sign("cryptoSign", jcaName(algorithm, key), key, data);
        String out = encode(signature, encoding);
        cx.checkString(out.length());
        return Values.text(out);
    }

    /** The JCA signature name for a Node/OpenSSL digest name and a key. */
    private static String jcaName(String algorithm, PrivateKey key) {
        String keyType = key.getAlgorithm();
        if (keyType.equals("EdDSA") || keyType.equals("Ed25519") || keyType.equals("Ed448")) {
            return keyType.equals("EdDSA") ? "EdDSA" : keyType;
        }
        String digest = digest(algorithm.isEmpty() ? "sha256" : algorithm);
        if (digest == null) {
            throw new EvalException(ErrorCode.UNSUPPORTED_ALGORITHM, algorithm, "cryptoSign");
        }
        if (key instanceof RSAKey) {
            return digest + "withRSA";
        }
        if (key instanceof ECKey) {
            return digest + "withECDSA";
        }
        throw new EvalException(
                ErrorCode.INVALID_KEY, "cryptoSign", "unsupported key type " + keyType);
    }

    /**
     * {@code sha256}, {@code SHA256}, {@code RSA-SHA256} and {@code sha256WithRSAEncryption} all
     * name SHA-256 in Node (OpenSSL digest names); the result is the JCA prefix such as {@code
     * SHA256}.
     */
    private static @Nullable String digest(String algorithm) {
        String a = algorithm.toLowerCase(Locale.ROOT).strip();
        if (a.startsWith("rsa-")) {
            a = a.substring(4);
        }
        if (a.endsWith("withrsaencryption")) {
            a = a.substring(0, a.length() - "withrsaencryption".length());
        }
        a = a.replace("-", "");
        switch (a) {
            case "sha1":
                return "SHA1";
            case "sha224":
                return "SHA224";
            case "sha256":
                return "SHA256";
            case "sha384":
                return "SHA384";
            case "sha512":
                return "SHA512";
            default:
                return null;
        }
    }

    static byte[] sign(String function, String jcaName, PrivateKey key, byte[] data) {
        return sign(function, jcaName, null, key, data);
    }

    static byte[] sign(
            String function,
            String jcaName,
            @Nullable AlgorithmParameterSpec params,
            PrivateKey key,
            byte[] data) {
        try {
            Signature s = Signature.getInstance(jcaName);
            if (params != null) {
                s.setParameter(params);
            }
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new EvalException(
                    ErrorCode.INVALID_KEY, e, function, "the key cannot sign with " + jcaName);
        }
    }

    /**
     * Node's {@code Buffer#toString(encoding)} for the encodings a signature is usually sent in.
     */
    static String encode(byte[] bytes, String encoding) {
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "hex":
                return HexFormat.of().formatHex(bytes);
            case "base64":
                return Base64.getEncoder().encodeToString(bytes);
            case "base64url":
                return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case "latin1":
            case "binary":
                return new String(bytes, StandardCharsets.ISO_8859_1);
            default:
                throw new EvalException(ErrorCode.INVALID_ENCODING, encoding);
        }
    }
}
