package io.hookstream.iml.func.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.Iml;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Limits;
import io.hookstream.iml.Span;
import io.hookstream.iml.TestValues;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The runtime helpers. Signatures are checked independently: HMACs recomputed with javax.crypto,
 * and asymmetric signatures verified with the public half of a freshly generated key pair.
 */
class RuntimeFunctionsTest {

    private static final Instant NOW = Instant.parse("2020-01-01T00:00:00Z");
    private static final Duration GUARD = Duration.ofSeconds(10);

    /** A SEC1 ("EC PRIVATE KEY") P-256 key as openssl ecparam writes it, and its public key. */
    private static final String SEC1_KEY =
            "-----BEGIN EC PRIVATE KEY-----\n"
                    + "MHcCAQEEIBKGlTmpbGAIrwaE6+rCLZa/vo5AC0Dc5x3WsyIjBt/ioAoGCCqGSM49\n"
                    + "AwEHoUQDQgAEDF5+Aj+fC0RTecc7I4Va7E7QWinJrF9vTIqBT+42aakSB1D2TID2\n"
                    + "LZPDjbaR57x/7wqRXJ7+21ZiRwmQbSbqeQ==\n"
                    + "-----END EC PRIVATE KEY-----\n";

    private static final String SEC1_PUBLIC =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDF5+Aj+fC0RTecc7I4Va7E7QWinJ"
                    + "rF9vTIqBT+42aakSB1D2TID2LZPDjbaR57x/7wqRXJ7+21ZiRwmQbSbqeQ==";

    private static final KeyPair RSA = generate("RSA", 2048);
    private static final KeyPair RSA_1024 = generate("RSA", 1024);
    private static final KeyPair P256 = generateEc("secp256r1");
    private static final KeyPair P384 = generateEc("secp384r1");
    private static final KeyPair P521 = generateEc("secp521r1");
    private static final KeyPair ED25519 = generate("Ed25519", 0);

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN "
                + label
                + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END "
                + label
                + "-----\n";
    }

    static String pkcs8(KeyPair kp) {
        return pem("PRIVATE KEY", kp.getPrivate().getEncoded());
    }

    /** PKCS#1 is the OCTET STRING inside the PKCS#8 wrapper, 26 bytes in for a 2048-bit key. */
    static String pkcs1(KeyPair kp) {
        byte[] der = kp.getPrivate().getEncoded();
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(der, 26, der.length));
    }

    static Value eval(String iml, Object... variables) {
        return Iml.standard().compileString(iml, "test").evaluate(context(variables));
    }

    static EvalContext context(Object... variables) {
        EvalContext.Builder b = EvalContext.builder().now(NOW);
        for (int i = 0; i < variables.length; i += 2) {
            Object v = variables[i + 1];
            b.variable(
                    (String) variables[i],
                    v instanceof Value ? (Value) v : Values.text((String) v));
        }
        return b.build();
    }

    static ImlException error(String iml, Object... variables) {
        return assertThrows(ImlException.class, () -> eval(iml, variables));
    }

    static Value json(String json) {
        return TestValues.typed(TestValues.json(json));
    }

    static String text(Value v) {
        assertThat(v.kind()).isEqualTo(io.hookstream.iml.value.Kind.TEXT);
        return Values.text(v);
    }

    static byte[] b64url(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    static String part(String token, int i) {
        return new String(b64url(token.split("\\.")[i]), StandardCharsets.UTF_8);
    }

    static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature)
            throws Exception {
        Signature s = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) {
            s.setParameter(
                    new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }

    @Nested
    class JwtFunction {

        private final Value claims =
                json("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}");

        @Test
        void hs256MatchesAnIndependentHmac() throws Exception {
            String token = text(eval("{{jwt(p, 'your-256-bit-secret')}}", "p", claims));
            String[] parts = token.split("\\.");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(
                    new SecretKeySpec(
                            "your-256-bit-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(b64url(parts[2])).isEqualTo(expected);
            // the well-known jwt.io example token
            assertThat(token)
                    .isEqualTo(
                            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6Ikpv"
                                    + "aG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
        }

        @Test
        void hs384AndHs512AndBufferSecrets() throws Exception {
            for (String alg : List.of("HS384", "HS512")) {
                String token =
                        text(
                                eval(
                                        "{{jwt(p, toBinary('00ff', 'hex'), '" + alg + "')}}",
                                        "p",
                                        claims));
                String[] parts = token.split("\\.");
                String jca = "HmacSHA" + alg.substring(2);
                Mac mac = Mac.getInstance(jca);
                mac.init(new SecretKeySpec(new byte[] {0, (byte) 0xff}, jca));
                assertThat(b64url(parts[2]))
                        .isEqualTo(
                                mac.doFinal(
                                        (parts[0] + "." + parts[1])
                                                .getBytes(StandardCharsets.US_ASCII)));
                assertThat(part(token, 0)).isEqualTo("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
            }
        }

        @Test
        void noIatUnlessThePayloadHasOneOrNoTimestampIsFalse() {
            assertThat(part(text(eval("{{jwt(p, 's')}}", "p", json("{\"a\":1}"))), 1))
                    .isEqualTo("{\"a\":1}");
            assertThat(
                            part(
                                    text(
                                            eval(
                                                    "{{jwt(p, 's', 'HS256', o)}}",
                                                    "p",
                                                    json("{\"a\":1}"),
                                                    "o",
                                                    json("{\"noTimestamp\":false}"))),
                                    1))
                    .isEqualTo("{\"a\":1,\"iat\":1577836800}");
            assertThat(
                            part(
                                    text(
                                            eval(
                                                    "{{jwt(p, 's', 'HS256', o)}}",
                                                    "p",
                                                    claims,
                                                    "o",
                                                    json("{\"noTimestamp\":true}"))),
                                    1))
                    .isEqualTo("{\"sub\":\"1234567890\",\"name\":\"John Doe\"}");
        }

        @Test
        void claimOptionsFollowJsonwebtoken() {
            Value o =
                    json(
                            "{\"expiresIn\":\"2 days\",\"notBefore\":60,\"audience\":[\"a\",\"b\"],\"issuer\":\"i\","
                                    + "\"subject\":\"s\",\"jwtid\":\"j\",\"keyid\":\"k1\",\"header\":{\"cty\":\"x\"}}");
            String token =
                    text(eval("{{jwt(p, 's', 'HS256', o)}}", "p", json("{\"a\":1}"), "o", o));
            assertThat(part(token, 0))
                    .isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\",\"cty\":\"x\"}");
            assertThat(part(token, 1))
                    .isEqualTo(
                            "{\"a\":1,\"nbf\":1577836860,\"exp\":1578009600,"
                                    + "\"aud\":[\"a\",\"b\"],\"iss\":\"i\",\"sub\":\"s\",\"jti\":\"j\"}");
            // timestamps count from the payload's iat when it has one; a bare numeric string is
            // milliseconds
            String fromIat =
                    text(
                            eval(
                                    "{{jwt(p, 's', 'HS256', o)}}",
                                    "p",
                                    json("{\"iat\":100}"),
                                    "o",
                                    json("{\"expiresIn\":\"1500\"}")));
            assertThat(part(fromIat, 1)).isEqualTo("{\"iat\":100,\"exp\":101}");
        }

        @Test
        void algorithmFromOptionsWhenTheArgumentIsMissing() {
            String token =
                    text(
                            eval(
                                    "{{jwt(p, 's', null, o)}}",
                                    "p",
                                    json("{}"),
                                    "o",
                                    json("{\"algorithm\":\"HS512\"}")));
            assertThat(part(token, 0)).isEqualTo("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        }

        @Test
        void textPayloadIsSignedAsItIsWithoutTyp() {
            String token = text(eval("{{jwt('hello', 's')}}"));
            assertThat(part(token, 0)).isEqualTo("{\"alg\":\"HS256\"}");
            assertThat(part(token, 1)).isEqualTo("hello");
            assertThat(
                            error(
                                            "{{jwt('hello', 's', 'HS256', o)}}",
                                            "o",
                                            json("{\"expiresIn\":60}"))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_JWT_INPUT);
        }

        @Test
        void asymmetricAlgorithmsVerifyWithThePublicKey() throws Exception {
            Map<String, Object[]> cases = new LinkedHashMap<>();
            cases.put("RS256", new Object[] {RSA, "SHA256withRSA", pkcs8(RSA)});
            cases.put("RS512", new Object[] {RSA, "SHA512withRSA", pkcs1(RSA)});
            cases.put("PS256", new Object[] {RSA, "RSASSA-PSS", pkcs8(RSA)});
            cases.put("ES256", new Object[] {P256, "SHA256withECDSAinP1363Format", pkcs8(P256)});
            cases.put("ES384", new Object[] {P384, "SHA384withECDSAinP1363Format", pkcs8(P384)});
            cases.put("ES512", new Object[] {P521, "SHA512withECDSAinP1363Format", pkcs8(P521)});
            for (Map.Entry<String, Object[]> c : cases.entrySet()) {
                KeyPair kp = (KeyPair) c.getValue()[0];
                String token =
                        text(
                                eval(
                                        "{{jwt(p, k, '" + c.getKey() + "')}}",
                                        "p",
                                        claims,
                                        "k",
                                        c.getValue()[2]));
                String[] parts = token.split("\\.");
                assertThat(
                                verify(
                                        (String) c.getValue()[1],
                                        kp.getPublic(),
                                        (parts[0] + "." + parts[1])
                                                .getBytes(StandardCharsets.US_ASCII),
                                        b64url(parts[2])))
                        .as(c.getKey())
                        .isTrue();
            }
        }

        @Test
        void ecSignaturesHaveTheFixedJoseWidth() {
            String token = text(eval("{{jwt(p, k, 'ES512')}}", "p", claims, "k", pkcs8(P521)));
            assertThat(b64url(token.split("\\.")[2])).hasSize(132);
        }

        @Test
        void keyProblems() {
            assertThat(error("{{jwt(p, '', 'HS256')}}", "p", claims).code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(error("{{jwt(p, 'secret', 'RS256')}}", "p", claims).code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(error("{{jwt(p, k, 'ES256')}}", "p", claims, "k", pkcs8(RSA)).code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(error("{{jwt(p, k, 'ES256')}}", "p", claims, "k", pkcs8(P384)).code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(error("{{jwt(p, k, 'RS256')}}", "p", claims, "k", pkcs8(RSA_1024)).code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(
                            eval(
                                            "{{jwt(p, k, 'RS256', o)}}",
                                            "p",
                                            claims,
                                            "k",
                                            pkcs8(RSA_1024),
                                            "o",
                                            json("{\"allowInsecureKeySizes\":true}"))
                                    .kind())
                    .isEqualTo(io.hookstream.iml.value.Kind.TEXT);
        }

        @Test
        void unsupportedAlgorithmsCarryTheSpan() {
            for (String alg : List.of("none", "hs256", "HS999", "EdDSA", "RS1")) {
                ImlException e = error("{{jwt(p, 's', '" + alg + "')}}", "p", claims);
                assertThat(e.code()).as(alg).isEqualTo(ErrorCode.UNSUPPORTED_ALGORITHM);
                assertThat(e.span().start()).isEqualTo(2);
            }
        }

        @Test
        void badInputs() {
            assertThat(error("{{jwt(1, 's')}}").code()).isEqualTo(ErrorCode.INVALID_JWT_INPUT);
            assertThat(error("{{jwt(p, 's')}}", "p", json("[1]")).code())
                    .isEqualTo(ErrorCode.INVALID_JWT_INPUT);
            assertThat(error("{{jwt(p, 's')}}", "p", json("{\"exp\":\"soon\"}")).code())
                    .isEqualTo(ErrorCode.INVALID_JWT_INPUT);
            assertThat(
                            error(
                                            "{{jwt(p, 's', 'HS256', o)}}",
                                            "p",
                                            json("{\"exp\":1}"),
                                            "o",
                                            json("{\"expiresIn\":1}"))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_JWT_INPUT);
            assertThat(
                            error(
                                            "{{jwt(p, 's', 'HS256', o)}}",
                                            "p",
                                            json("{\"iss\":\"x\"}"),
                                            "o",
                                            json("{\"issuer\":\"y\"}"))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_JWT_INPUT);
            assertThat(
                            error(
                                            "{{jwt(p, 's', 'HS256', o)}}",
                                            "p",
                                            json("{}"),
                                            "o",
                                            json("{\"expiresIn\":\"soon\"}"))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_JWT_INPUT);
            assertThat(
                            error(
                                            "{{jwt(p, 's', 'HS256', o)}}",
                                            "p",
                                            json("{}"),
                                            "o",
                                            json("{\"encoding\":\"base64\"}"))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_ENCODING);
            assertThat(error("{{jwt(p, 's', 'HS256', 'opts')}}", "p", json("{}")).code())
                    .isEqualTo(ErrorCode.ARGUMENT_TYPE);
        }

        @Test
        void missingPayloadPropagatesAndArityIsChecked() {
            assertThat(eval("{{jwt(p, 's')}}", "p", Values.NULL)).isEqualTo(Values.NULL);
            assertThat(eval("{{jwt(body.none, 's')}}", "body", json("{}")))
                    .isEqualTo(Values.UNDEFINED);
            assertThat(error("{{jwt(1)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
            assertThat(error("{{jwt(1, 2, 3, 4, 5)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        }
    }

    @Nested
    class CryptoSign {

        @Test
        void rsaAndEcAndEdDsaVerify() throws Exception {
            byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
            byte[] rsa =
                    HexFormat.of()
                            .parseHex(
                                    text(
                                            eval(
                                                    "{{cryptoSign('RSA-SHA256', 'hello', k)}}",
                                                    "k",
                                                    pkcs8(RSA))));
            assertThat(verify("SHA256withRSA", RSA.getPublic(), data, rsa)).isTrue();
            byte[] rsa1 =
                    HexFormat.of()
                            .parseHex(
                                    text(
                                            eval(
                                                    "{{cryptoSign('sha1', 'hello', k)}}",
                                                    "k",
                                                    pkcs1(RSA))));
            assertThat(verify("SHA1withRSA", RSA.getPublic(), data, rsa1)).isTrue();
            byte[] ec =
                    Base64.getDecoder()
                            .decode(
                                    text(
                                            eval(
                                                    "{{cryptoSign('sha384', 'hello', k, 'base64')}}",
                                                    "k",
                                                    pkcs8(P256))));
            assertThat(verify("SHA384withECDSA", P256.getPublic(), data, ec)).isTrue();
            byte[] ed =
                    Base64.getUrlDecoder()
                            .decode(
                                    text(
                                            eval(
                                                    "{{cryptoSign(null, 'hello', k, 'base64url')}}",
                                                    "k",
                                                    pkcs8(ED25519))));
            assertThat(verify("Ed25519", ED25519.getPublic(), data, ed)).isTrue();
        }

        @Test
        void sec1EcKeysAreRead() throws Exception {
            byte[] sig =
                    HexFormat.of()
                            .parseHex(
                                    text(
                                            eval(
                                                    "{{cryptoSign('sha256', 'hello', k)}}",
                                                    "k",
                                                    SEC1_KEY)));
            PublicKey pub =
                    java.security.KeyFactory.getInstance("EC")
                            .generatePublic(
                                    new java.security.spec.X509EncodedKeySpec(
                                            Base64.getDecoder().decode(SEC1_PUBLIC)));
            assertThat(
                            verify(
                                    "SHA256withECDSA",
                                    pub,
                                    "hello".getBytes(StandardCharsets.UTF_8),
                                    sig))
                    .isTrue();
        }

        @Test
        void rsaDefaultsToSha256WithoutAnAlgorithmAndLatin1Encoding() throws Exception {
            String latin1 =
                    text(eval("{{cryptoSign(null, 'hello', k, 'latin1')}}", "k", pkcs8(RSA)));
            assertThat(
                            verify(
                                    "SHA256withRSA",
                                    RSA.getPublic(),
                                    "hello".getBytes(StandardCharsets.UTF_8),
                                    latin1.getBytes(StandardCharsets.ISO_8859_1)))
                    .isTrue();
        }

        @Test
        void keyErrors() {
            assertThat(error("{{cryptoSign('sha256', 'x', 'not a key')}}").code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(
                            error(
                                            "{{cryptoSign('sha256', 'x', k)}}",
                                            "k",
                                            pem("PUBLIC KEY", RSA.getPublic().getEncoded()))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(
                            error(
                                            "{{cryptoSign('sha256', 'x', k)}}",
                                            "k",
                                            pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2}))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(
                            error(
                                            "{{cryptoSign('sha256', 'x', k)}}",
                                            "k",
                                            pem("PRIVATE KEY", new byte[] {1, 2, 3}))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(
                            error(
                                            "{{cryptoSign('sha256', 'x', k)}}",
                                            "k",
                                            pem("EC PRIVATE KEY", new byte[] {0x30, 0x00}))
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(
                            error(
                                            "{{cryptoSign('sha256', 'x', k)}}",
                                            "k",
                                            "-----BEGIN RSA PRIVATE KEY-----\n"
                                                    + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n")
                                    .code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(error("{{cryptoSign('sha256', 'x', body.none)}}", "body", json("{}")).code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
            assertThat(error("{{cryptoSign('sha256', 'x', 42)}}").code())
                    .isEqualTo(ErrorCode.INVALID_KEY);
        }

        @Test
        void algorithmAndEncodingErrors() {
            ImlException e = error("x {{cryptoSign('md5', 'x', k)}}", "k", pkcs8(RSA));
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_ALGORITHM);
            assertThat(e.span()).isEqualTo(new Span(1, 5, 4, 29));
            assertThat(error("{{cryptoSign('sha256', 'x', k, 'utf8')}}", "k", pkcs8(RSA)).code())
                    .isEqualTo(ErrorCode.INVALID_ENCODING);
        }

        @Test
        void missingDataPropagatesAndArityIsChecked() {
            assertThat(
                            eval(
                                    "{{cryptoSign('sha256', body.none, k)}}",
                                    "body",
                                    json("{}"),
                                    "k",
                                    pkcs8(RSA)))
                    .isEqualTo(Values.UNDEFINED);
            assertThat(eval("{{cryptoSign('sha256', null, k)}}", "k", pkcs8(RSA)))
                    .isEqualTo(Values.NULL);
            assertThat(error("{{cryptoSign('sha256', 'x')}}").code())
                    .isEqualTo(ErrorCode.WRONG_ARITY);
            assertThat(error("{{cryptoSign('sha256', 'x', 'k', 'hex', 1)}}").code())
                    .isEqualTo(ErrorCode.WRONG_ARITY);
        }
    }

    @Nested
    class PopAndShift {

        @Test
        void returnTheRemovedItemWithoutChangingTheArray() {
            Value arr = json("[1,2,3]");
            assertThat(eval("{{pop(a)}}", "a", arr)).isEqualTo(Values.number(3));
            assertThat(eval("{{shift(a)}}", "a", arr)).isEqualTo(Values.number(1));
            assertThat(eval("{{length(a) + pop(a) + shift(a) + length(a)}}", "a", arr))
                    .isEqualTo(Values.number(10));
            assertThat(arr).isEqualTo(json("[1,2,3]"));
        }

        @Test
        void emptyMissingAndScalars() {
            assertThat(eval("{{pop(emptyarray)}}")).isEqualTo(Values.UNDEFINED);
            assertThat(eval("{{shift(emptyarray)}}")).isEqualTo(Values.UNDEFINED);
            assertThat(eval("{{pop(null)}}")).isEqualTo(Values.NULL);
            assertThat(eval("{{shift(x.y)}}", "x", json("{}"))).isEqualTo(Values.UNDEFINED);
            assertThat(eval("{{shift(o)}}", "o", json("{\"a\":1}"))).isEqualTo(json("{\"a\":1}"));
            assertThat(eval("{{pop(a)}}", "a", json("[[1,2]]"))).isEqualTo(json("[1,2]"));
        }

        @Test
        void arity() {
            assertThat(error("{{pop()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
            assertThat(error("{{shift(emptyarray, 1)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        }
    }

    @Nested
    class ParseXml {

        @Test
        void mapping() {
            String xml =
                    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!-- c --><feed xmlns:a=\"urn:a\" v=\"1\">"
                            + "\n  <a:entry id=\"1\">one</a:entry>\n  <a:entry id=\"2\"><x/> mixed <?pi x?>text </a:entry>"
                            + "\n  <empty></empty><ws>  </ws>\n</feed>";
            assertThat(eval("{{parseXML(x)}}", "x", xml))
                    .isEqualTo(
                            json(
                                    "{\"feed\":[{"
                                            + "\"_attributes\":{\"xmlns:a\":\"urn:a\",\"v\":\"1\"},"
                                            + "\"a:entry\":[{\"_attributes\":{\"id\":\"1\"},\"_value\":\"one\"},"
                                            + "{\"_attributes\":{\"id\":\"2\"},\"_value\":\" mixed text \",\"x\":[\"\"]}],"
                                            + "\"empty\":[\"\"],\"ws\":[\"  \"]}]}"));
        }

        @Test
        void bufferInputIsDecoded() {
            assertThat(eval("{{parseXML(toBinary('<a>\u00e9</a>'))}}"))
                    .isEqualTo(json("{\"a\":[\"\u00e9\"]}"));
        }

        @Test
        void reservedElementNamesAreRefused() {
            assertThat(error("{{parseXML('<a><_value>1</_value></a>')}}").code())
                    .isEqualTo(ErrorCode.INVALID_XML);
        }

        @Test
        void malformedAndEmpty() {
            ImlException e = error("{{parseXML('<a>')}}");
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_XML);
            assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 17));
            assertThat(error("{{parseXML(' ')}}").code()).isEqualTo(ErrorCode.INVALID_XML);
            assertThat(error("{{parseXML('<a/><b/>')}}").code()).isEqualTo(ErrorCode.INVALID_XML);
        }

        @Test
        void missingAndArity() {
            assertThat(eval("{{parseXML(null)}}")).isEqualTo(Values.NULL);
            assertThat(eval("{{parseXML(x.y)}}", "x", json("{}"))).isEqualTo(Values.UNDEFINED);
            assertThat(error("{{parseXML()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
            assertThat(error("{{parseXML('<a/>', 1)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        }

        @Test
        void billionLaughsIsRefusedQuickly() {
            StringBuilder dtd =
                    new StringBuilder(
                            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
            for (int i = 1; i <= 9; i++) {
                dtd.append("<!ENTITY lol")
                        .append(i)
                        .append(" \"")
                        .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10))
                        .append("\">");
            }
            String xml = dtd + "]><lolz>&lol9;</lolz>";
            ImlException e =
                    assertTimeoutPreemptively(GUARD, () -> error("{{parseXML(x)}}", "x", xml));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_XML);
        }

        @Test
        void externalEntitiesAndDtdsAreRefused() {
            for (String xml :
                    List.of(
                            "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
                            "<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\"><r/>",
                            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]><r/>",
                            "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\"/></r>")) {
                Value v;
                try {
                    v = eval("{{parseXML(x)}}", "x", xml);
                } catch (ImlException e) {
                    assertThat(e.code()).as(xml).isEqualTo(ErrorCode.INVALID_XML);
                    continue;
                }
                // only the XInclude case parses, and then as a plain element that was not followed
                assertThat(v.toString()).doesNotContain("root:");
                assertThat(((ObjectValue) v).props()).containsKey("r");
            }
        }

        @Test
        void undeclaredEntityIsAnError() {
            assertThat(error("{{parseXML('<r>&nope;</r>')}}").code())
                    .isEqualTo(ErrorCode.INVALID_XML);
        }

        @Test
        void deepNestingStopsAtTheValueDepthLimit() {
            String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
            ImlException e =
                    assertTimeoutPreemptively(GUARD, () -> error("{{parseXML(x)}}", "x", deep));
            assertThat(e.code()).isEqualTo(ErrorCode.VALUE_TOO_DEEP);
            // half the default limit of 256 is still fine
            String ok = "<a>".repeat(128) + "</a>".repeat(128);
            assertThat(eval("{{parseXML(x)}}", "x", ok).kind())
                    .isEqualTo(io.hookstream.iml.value.Kind.OBJECT);
            String tooDeep = "<a>".repeat(129) + "</a>".repeat(129);
            assertThat(error("{{parseXML(x)}}", "x", tooDeep).code())
                    .isEqualTo(ErrorCode.VALUE_TOO_DEEP);
        }

        @Test
        void hugeInputIsBoundedBySteps() {
            String wide = "<r>" + "<i/>".repeat(2_000_000) + "</r>";
            ImlException e =
                    assertTimeoutPreemptively(GUARD, () -> error("{{parseXML(x)}}", "x", wide));
            assertThat(e.code()).isIn(ErrorCode.STEP_LIMIT, ErrorCode.ARRAY_TOO_LARGE);
        }

        @Test
        void siblingsObeyTheArrayLimit() {
            Iml small =
                    Iml.standard()
                            .withLimits(Limits.defaults().toBuilder().maxArraySize(3).build());
            String four = "<r>" + "<i/>".repeat(4) + "</r>";
            ImlException e =
                    assertThrows(
                            ImlException.class,
                            () ->
                                    small.compileString("{{parseXML(x)}}", "t")
                                            .evaluate(context("x", four)));
            assertThat(e.code()).isEqualTo(ErrorCode.ARRAY_TOO_LARGE);
        }

        @Test
        void textObeysTheStringLimit() {
            Iml small =
                    Iml.standard()
                            .withLimits(Limits.defaults().toBuilder().maxStringLength(50).build());
            String xml = "<r>" + "x".repeat(40) + "</r>";
            assertThat(
                            small.compileString("{{parseXML(x)}}", "t")
                                    .evaluate(context("x", xml))
                                    .kind())
                    .isEqualTo(io.hookstream.iml.value.Kind.OBJECT);
            Iml tiny =
                    Iml.standard()
                            .withLimits(Limits.defaults().toBuilder().maxStringLength(45).build());
            String big = "<r>" + "x".repeat(46) + "</r>";
            ImlException e =
                    assertThrows(
                            ImlException.class,
                            () ->
                                    tiny.compileString("{{parseXML(x)}}", "t")
                                            .evaluate(context("x", big)));
            assertThat(e.code()).isEqualTo(ErrorCode.STRING_TOO_LONG);
        }
    }

    @Nested
    class CreateXml {

        @Test
        void scalarsDatesAndNestedObjects() {
            Value v =
                    json(
                            "{\"a\":{\"n\":2.50,\"d\":{\"$date\":\"2020-01-01T00:00:00Z\"},\"b\":false,"
                                    + "\"u\":{\"$undefined\":true},\"e\":\"\",\"list\":[1,{\"$undefined\":true},null]}}");
            assertThat(eval("{{createXML(v)}}", "v", v))
                    .isEqualTo(
                            Values.text(
                                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                            + "<a><n>2.5</n><d>2020-01-01T00:00:00.000Z</d><b>false</b><e/><list>1</list><list/><list/></a>"));
        }

        @Test
        void scalarRootAndAttributeEscapes() {
            assertThat(eval("{{createXML('a\tb', 'x')}}"))
                    .isEqualTo(
                            Values.text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x>a\tb</x>"));
            assertThat(
                            eval(
                                    "{{createXML(v)}}",
                                    "v",
                                    json("{\"x\":{\"_attributes\":{\"a\":\"1\\n2\",\"n\":null}}}")))
                    .isEqualTo(
                            Values.text(
                                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><x a=\"1&#10;2\"/>"));
        }

        @Test
        void roundTripsThroughParseXml() {
            String xml =
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed v=\"1\"><e id=\"1\">one &amp; &lt;two&gt;</e>"
                            + "<e id=\"2\"/><n><m>\u00e9\uD83D\uDE00</m></n></feed>";
            assertThat(eval("{{createXML(parseXML(x))}}", "x", xml)).isEqualTo(Values.text(xml));
        }

        @Test
        void unwritableValues() {
            assertThat(error("{{createXML(v)}}", "v", json("{\"r\":[[1]]}")).code())
                    .isEqualTo(ErrorCode.XML_NOT_WRITABLE);
            assertThat(error("{{createXML(v)}}", "v", json("{\"r\":[1,2]}")).code())
                    .isEqualTo(ErrorCode.XML_NOT_WRITABLE);
            assertThat(error("{{createXML(v, '1x')}}", "v", json("{}")).code())
                    .isEqualTo(ErrorCode.XML_NOT_WRITABLE);
            assertThat(
                            error("{{createXML(v)}}", "v", json("{\"r\":{\"_attributes\":\"x\"}}"))
                                    .code())
                    .isEqualTo(ErrorCode.XML_NOT_WRITABLE);
            assertThat(error("{{createXML(v)}}", "v", json("{\"r\":\"bell\\u0007\"}")).code())
                    .isEqualTo(ErrorCode.XML_NOT_WRITABLE);
        }

        @Test
        void deepValuesStopAtTheValueDepthLimit() {
            Value v = Values.text("x");
            for (int i = 0; i < 300; i++) {
                v = Values.object(Map.of("a", v));
            }
            Value deep = v;
            assertThat(
                            assertTimeoutPreemptively(
                                            GUARD, () -> error("{{createXML(v)}}", "v", deep))
                                    .code())
                    .isEqualTo(ErrorCode.VALUE_TOO_DEEP);
        }

        @Test
        void outputObeysTheStringLimit() {
            Iml small =
                    Iml.standard()
                            .withLimits(Limits.defaults().toBuilder().maxStringLength(60).build());
            ImlException e =
                    assertThrows(
                            ImlException.class,
                            () ->
                                    small.compileString("{{createXML(v)}}", "t")
                                            .evaluate(
                                                    context(
                                                            "v",
                                                            json(
                                                                    "{\"r\":\""
                                                                            + "x".repeat(30)
                                                                            + "\"}"))));
            assertThat(e.code()).isEqualTo(ErrorCode.STRING_TOO_LONG);
        }

        @Test
        void missingAndArity() {
            assertThat(eval("{{createXML(null)}}")).isEqualTo(Values.NULL);
            assertThat(eval("{{createXML(x.y)}}", "x", json("{}"))).isEqualTo(Values.UNDEFINED);
            assertThat(error("{{createXML()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
            assertThat(error("{{createXML(1, 'a', 2)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        }
    }

    @Nested
    class ErrorFactory {

        @Test
        void everyRuntimeErrorType() {
            for (String type : RuntimeFunctions.ERROR_TYPES) {
                assertThat(eval("{{errorFactory('" + type + "', 'm')}}"))
                        .isEqualTo(json("{\"name\":\"" + type + "\",\"message\":\"m\"}"));
            }
        }

        @Test
        void unknownOrMissingType() {
            ImlException e = error("{{errorFactory('Error', 'm')}}");
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ERROR_TYPE);
            assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 28));
            assertThat(error("{{errorFactory(null, 'm')}}").code())
                    .isEqualTo(ErrorCode.UNKNOWN_ERROR_TYPE);
            assertThat(error("{{errorFactory()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
            assertThat(error("{{errorFactory('DataError', 'm', 1)}}").code())
                    .isEqualTo(ErrorCode.WRONG_ARITY);
        }

        @Test
        void messageIsText() {
            assertThat(eval("{{errorFactory('DataError', 42).message}}"))
                    .isEqualTo(Values.text("42"));
        }
    }

    @Nested
    class ExecutionId {

        @Test
        void oneIdPerEvaluation() {
            String a = text(eval("{{executionId}}"));
            assertThat(a).matches("[0-9a-f]{32}");
            assertThat(eval("{{executionId = executionId}}")).isEqualTo(Values.TRUE);
            assertThat(text(eval("{{executionId}}"))).isNotEqualTo(a);
        }

        @Test
        void aBoundVariableWins() {
            assertThat(eval("{{executionId}}", "executionId", "evt-42"))
                    .isEqualTo(Values.text("evt-42"));
        }
    }
}
