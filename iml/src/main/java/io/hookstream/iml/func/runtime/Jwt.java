package io.hookstream.iml.func.runtime;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.JsonText;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.NumberValue;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code jwt(payload, secret, [algorithm='HS256'], [options])}: a compact JWS as the runtime builds
 * it with the {@code jsonwebtoken} package. The runtime passes {@code noTimestamp: true} unless the
 * payload carries {@code iat}, so no {@code iat} is added by default. {@code options} takes
 * jsonwebtoken's sign options: {@code expiresIn}, {@code notBefore} (seconds, or a span such as
 * {@code "1h"} / {@code "2 days"}; a bare numeric string is milliseconds, as in the {@code ms}
 * package), {@code audience}, {@code issuer}, {@code subject}, {@code jwtid}, {@code keyid}, {@code
 * header} (merged over {@code {alg, typ}}), {@code noTimestamp}, {@code algorithm}, {@code
 * encoding} ({@code utf8} only), {@code mutatePayload}, {@code allowInsecureKeySizes} and {@code
 * allowInvalidAsymmetricKeyTypes} (both accepted; the second has no effect here); any other key is
 * an error, as in jsonwebtoken.
 */
final class Jwt {

    private static final Set<String> OPTIONS =
            Set.of(
                    "expiresIn",
                    "notBefore",
                    "audience",
                    "algorithm",
                    "header",
                    "encoding",
                    "issuer",
                    "subject",
                    "jwtid",
                    "noTimestamp",
                    "keyid",
                    "mutatePayload",
                    "allowInsecureKeySizes",
                    "allowInvalidAsymmetricKeyTypes");

    /** jsonwebtoken's options that become claims, in the order it adds them. */
    private static final String[][] CLAIM_OPTIONS = {
        {"audience", "aud"}, {"issuer", "iss"}, {"subject", "sub"}, {"jwtid", "jti"}
    };

    /** The {@code ms} package's grammar; it gives up on text longer than 100 characters. */
    private static final Pattern SPAN =
            Pattern.compile(
                    "^(-?(?:\\d+)?\\.?\\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h"
                            + "|days?|d|weeks?|w|years?|yrs?|y)?$",
                    Pattern.CASE_INSENSITIVE);

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {}

    static Value jwt(Value[] args, CallContext cx) {
        Value payload = args[0];
        ObjectValue options = options(args);
        boolean objectPayload = payload.kind() == Kind.OBJECT;
        if (!objectPayload && payload.kind() != Kind.TEXT && payload.kind() != Kind.BUFFER) {
            throw new EvalException(
                    ErrorCode.INVALID_JWT_INPUT,
                    "the payload must be an object or text, got " + payload.kind().description());
        }
        String algorithm =
                Args.has(args, 2)
                        ? Values.text(args[2])
                        : textOption(options, "algorithm", "HS256");

        Map<String, Value> header = new LinkedHashMap<>();
        header.put("alg", Values.text(algorithm));
        header.put("typ", objectPayload ? Values.text("JWT") : Values.UNDEFINED);
        header.put(
                "kid",
                option(options, "keyid") == null
                        ? Values.UNDEFINED
                        : Values.text(textOption(options, "keyid", "")));
        Value extra = option(options, "header");
        if (extra != null) {
            if (extra.kind() != Kind.OBJECT) {
                throw new EvalException(
                        ErrorCode.INVALID_JWT_INPUT, "\"header\" must be an object");
            }
            header.putAll(((ObjectValue) extra).props());
        }
        // jsonwebtoken signs with the final header's alg, so a header override wins
        algorithm = Values.text(header.get("alg"));

        String payloadText;
        if (objectPayload) {
            payloadText = JsonText.write(claims((ObjectValue) payload, options, cx));
        } else {
            for (String name :
                    new String[] {
                        "expiresIn", "notBefore", "audience", "issuer", "subject", "jwtid"
                    }) {
                if (option(options, name) != null) {
                    throw new EvalException(
                            ErrorCode.INVALID_JWT_INPUT,
                            "\"" + name + "\" needs an object payload");
                }
            }
            payloadText = Values.text(payload);
        }
        String signingInput =
                B64URL.encodeToString(
                                JsonText.write(Values.object(header))
                                        .getBytes(StandardCharsets.UTF_8))
                        + "."
                        + B64URL.encodeToString(payloadText.getBytes(StandardCharsets.UTF_8));
        cx.step(1 + signingInput.length() / 4096);
        byte[] signature =
                sign(algorithm, args[1], options, signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + B64URL.encodeToString(signature);
        cx.checkString(token.length());
        return Values.text(token);
    }

    private static ObjectValue options(Value[] args) {
        if (!Args.has(args, 3)) {
            return (ObjectValue) Values.object(Map.of());
        }
        ObjectValue options = (ObjectValue) args[3];
        for (Map.Entry<String, Value> e : options.props().entrySet()) {
            if (!OPTIONS.contains(e.getKey()) && !Values.isUndefined(e.getValue())) {
                throw new EvalException(
                        ErrorCode.INVALID_JWT_INPUT, "\"" + e.getKey() + "\" is not an option");
            }
        }
        String encoding = textOption(options, "encoding", "utf8").toLowerCase(Locale.ROOT);
        if (!encoding.equals("utf8") && !encoding.equals("utf-8")) {
            throw new EvalException(ErrorCode.INVALID_ENCODING, encoding);
        }
        return options;
    }

    /** An option that is present and not undefined; null counts as present, as in jsonwebtoken. */
    private static @Nullable Value option(ObjectValue options, String name) {
        Value v = options.get(name);
        return v == null || Values.isUndefined(v) ? null : v;
    }

    private static String textOption(ObjectValue options, String name, String fallback) {
        Value v = option(options, name);
        if (v == null) {
            return fallback;
        }
        if (v.kind() != Kind.TEXT) {
            throw new EvalException(ErrorCode.INVALID_JWT_INPUT, "\"" + name + "\" must be text");
        }
        return Values.text(v);
    }

    private static boolean boolOption(ObjectValue options, String name) {
        Value v = option(options, name);
        return v != null && Values.truthy(v);
    }

    /**
     * The claims in jsonwebtoken's order: the payload's own, then iat, nbf, exp, aud, iss, sub,
     * jti.
     */
    private static Value claims(ObjectValue payload, ObjectValue options, CallContext cx) {
        Map<String, Value> claims = new LinkedHashMap<>(payload.props());
        claims.values().removeIf(Values::isUndefined);
        for (String name : new String[] {"iat", "exp", "nbf"}) {
            Value v = claims.get(name);
            if (v != null && v.kind() != Kind.NUMBER) {
                throw new EvalException(
                        ErrorCode.INVALID_JWT_INPUT,
                        "\"" + name + "\" must be a number of seconds");
            }
        }
        if (option(options, "expiresIn") != null && claims.containsKey("exp")) {
            throw new EvalException(
                    ErrorCode.INVALID_JWT_INPUT, "the payload already has an \"exp\" property");
        }
        if (option(options, "notBefore") != null && claims.containsKey("nbf")) {
            throw new EvalException(
                    ErrorCode.INVALID_JWT_INPUT, "the payload already has an \"nbf\" property");
        }
        Value iat = claims.get("iat");
        BigDecimal timestamp =
                iat != null && ((NumberValue) iat).value().signum() != 0
                        ? ((NumberValue) iat).value()
                        : BigDecimal.valueOf(cx.now().getEpochSecond());
        Value noTimestamp = option(options, "noTimestamp");
        boolean skipIat = noTimestamp != null ? Values.truthy(noTimestamp) : iat == null;
        if (skipIat) {
            claims.remove("iat");
        } else {
            claims.put("iat", Values.number(timestamp));
        }
        Value nbf = option(options, "notBefore");
        if (nbf != null) {
            claims.put("nbf", Values.number(timespan("notBefore", nbf, timestamp)));
        }
        Value exp = option(options, "expiresIn");
        if (exp != null) {
            claims.put("exp", Values.number(timespan("expiresIn", exp, timestamp)));
        }
        for (String[] pair : CLAIM_OPTIONS) {
            Value v = option(options, pair[0]);
            if (v == null) {
                continue;
            }
            if (claims.containsKey(pair[1])) {
                throw new EvalException(
                        ErrorCode.INVALID_JWT_INPUT,
                        "the payload already has an \"" + pair[1] + "\" property");
            }
            boolean ok =
                    v.kind() == Kind.TEXT || (pair[0].equals("audience") && v.kind() == Kind.ARRAY);
            if (!ok) {
                throw new EvalException(
                        ErrorCode.INVALID_JWT_INPUT, "\"" + pair[0] + "\" must be text");
            }
            claims.put(pair[1], v);
        }
        return Values.object(claims);
    }

    /**
     * jsonwebtoken's {@code timespan}: seconds added to the timestamp, or an {@code ms} span
     * floored.
     */
    static BigDecimal timespan(String name, Value span, BigDecimal timestamp) {
        if (span.kind() == Kind.NUMBER) {
            return timestamp.add(((NumberValue) span).value());
        }
        if (span.kind() == Kind.TEXT) {
            BigDecimal ms = milliseconds(Values.text(span));
            if (ms != null) {
                return timestamp.add(ms.movePointLeft(3)).setScale(0, RoundingMode.FLOOR);
            }
        }
        throw new EvalException(
                ErrorCode.INVALID_JWT_INPUT,
                "\""
                        + name
                        + "\" should be a number of seconds or a span such as \"1d\", \"20h\" or 60");
    }

    /**
     * The {@code ms} package's parse: a number with an optional unit, milliseconds when there is
     * none.
     */
    static @Nullable BigDecimal milliseconds(String text) {
        if (text.length() > 100) {
            return null;
        }
        Matcher m = SPAN.matcher(text);
        if (!m.matches()) {
            return null;
        }
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        long factor;
        switch (unit) {
            case "years":
            case "year":
            case "yrs":
            case "yr":
            case "y":
                return n.multiply(BigDecimal.valueOf(31_557_600_000L));
            case "weeks":
            case "week":
            case "w":
                factor = 604_800_000L;
                break;
            case "days":
            case "day":
            case "d":
                factor = 86_400_000L;
                break;
            case "hours":
            case "hour":
            case "hrs":
            case "hr":
            case "h":
                factor = 3_600_000L;
                break;
            case "minutes":
            case "minute":
            case "mins":
            case "min":
            case "m":
                factor = 60_000L;
                break;
            case "seconds":
            case "second":
            case "secs":
            case "sec":
            case "s":
                factor = 1000L;
                break;
            default:
                factor = 1L;
        }
        return n.multiply(BigDecimal.valueOf(factor));
    }

    private static byte[] sign(String algorithm, Value secret, ObjectValue options, byte[] input) {
        // jsonwebtoken's algorithm names are case-sensitive: "hs256" is as unknown as "none" is
        // refused
        String alg = algorithm.toUpperCase(Locale.ROOT).equals(algorithm) ? algorithm : "";
        if (alg.length() == 5 && alg.startsWith("HS")) {
            String mac = hashBits(alg) == null ? null : "HmacSHA" + hashBits(alg);
            if (mac != null) {
                return hmac(mac, secret, input);
            }
        }
        Integer bits = alg.length() == 5 ? hashBits(alg) : null;
        if (bits == null
                || !(alg.startsWith("RS") || alg.startsWith("PS") || alg.startsWith("ES"))) {
            throw new EvalException(ErrorCode.UNSUPPORTED_ALGORITHM, algorithm, "jwt");
        }
        if (secret.kind() != Kind.TEXT) {
            throw new EvalException(ErrorCode.INVALID_KEY, "jwt", alg + " needs a PEM private key");
        }
        PrivateKey key = Keys.privateKey(Values.text(secret), "jwt");
        if (alg.startsWith("ES")) {
            if (!(key instanceof ECKey)) {
                throw new EvalException(ErrorCode.INVALID_KEY, "jwt", alg + " needs an EC key");
            }
            int size = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
            int expected = bits == 512 ? 521 : bits;
            if (size != expected) {
                throw new EvalException(
                        ErrorCode.INVALID_KEY, "jwt", alg + " needs a P-" + expected + " key");
            }
            byte[] der = Signing.sign("jwt", "SHA" + bits + "withECDSA", key, input);
            return joseSignature(der, (size + 7) / 8);
        }
        if (!(key instanceof RSAKey)) {
            throw new EvalException(ErrorCode.INVALID_KEY, "jwt", alg + " needs an RSA key");
        }
        // jsonwebtoken 9 refuses RSA keys under 2048 bits unless told otherwise
        if (((RSAKey) key).getModulus().bitLength() < 2048
                && !boolOption(options, "allowInsecureKeySizes")) {
            throw new EvalException(
                    ErrorCode.INVALID_KEY, "jwt", alg + " needs a key of at least 2048 bits");
        }
        if (alg.startsWith("RS")) {
            return Signing.sign("jwt", "SHA" + bits + "withRSA", key, input);
        }
        String hash = "SHA-" + bits;
        return Signing.sign(
                "jwt",
                "RSASSA-PSS",
                new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), bits / 8, 1),
                key,
                input);
    }

    private static @Nullable Integer hashBits(String alg) {
        switch (alg.substring(2)) {
            case "256":
                return 256;
            case "384":
                return 384;
            case "512":
                return 512;
            default:
                return null;
        }
    }

    private static byte[] hmac(String mac, Value secret, byte[] input) {
        byte[] key = Values.isMissing(secret) ? new byte[0] : Coercions.toBytes(secret);
        if (key.length == 0) {
            throw new EvalException(ErrorCode.INVALID_KEY, "jwt", "the secret must have a value");
        }
        try {
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(key, mac));
            return m.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mac + " is not available", e);
        }
    }

    /**
     * A DER ECDSA signature as JOSE wants it: r and s as unsigned big-endian numbers of equal
     * width.
     */
    static byte[] joseSignature(byte[] der, int width) {
        int pos = 2;
        if ((der[1] & 0xff) > 0x80) {
            pos += der[1] & 0x7f;
        }
        byte[] out = new byte[2 * width];
        for (int part = 0; part < 2; part++) {
            int len = der[pos + 1] & 0xff;
            int start = pos + 2;
            int skip = 0;
            while (skip < len && der[start + skip] == 0) {
                skip++;
            }
            int n = len - skip;
            System.arraycopy(der, start + skip, out, part * width + width - n, n);
            pos = start + len;
        }
        return out;
    }
}
