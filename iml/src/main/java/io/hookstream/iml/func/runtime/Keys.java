package io.hookstream.iml.func.runtime;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM private keys with the JDK alone: PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519, Ed448),
 * PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}). The last two are rewrapped as
 * PKCS#8, which is the only encoding {@link KeyFactory} reads. Encrypted keys are refused because
 * there is no passphrase argument.
 */
final class Keys {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final String[] PKCS8_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448"};

    /** DER of the OID 1.2.840.113549.1.1.1 (rsaEncryption) followed by NULL parameters. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30,
        0x0d,
        0x06,
        0x09,
        0x2a,
        (byte) 0x86,
        0x48,
        (byte) 0x86,
        (byte) 0xf7,
        0x0d,
        0x01,
        0x01,
        0x01,
        0x05,
        0x00
    };

    /** DER of the OID 1.2.840.10045.2.1 (id-ecPublicKey). */
    private static final byte[] EC_PUBLIC_KEY_OID = {
        0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
    };

    private Keys() {}

    static PrivateKey privateKey(String pem, String function) {
        if (pem.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new EvalException(
                    ErrorCode.INVALID_KEY, function, "encrypted keys are not supported");
        }
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new EvalException(ErrorCode.INVALID_KEY, function, "expected a PEM private key");
        }
        String label = m.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new EvalException(ErrorCode.INVALID_KEY, function, "the PEM body is not base64");
        }
        byte[] pkcs8;
        switch (label) {
            case "PRIVATE KEY":
                pkcs8 = der;
                break;
            case "RSA PRIVATE KEY":
                pkcs8 = pkcs8(0, RSA_ALGORITHM_ID, der);
                break;
            case "EC PRIVATE KEY":
                pkcs8 = pkcs8(0, seq(concat(EC_PUBLIC_KEY_OID, sec1CurveOid(der, function))), der);
                break;
            case "ENCRYPTED PRIVATE KEY":
                throw new EvalException(
                        ErrorCode.INVALID_KEY, function, "encrypted keys are not supported");
            default:
                throw new EvalException(
                        ErrorCode.INVALID_KEY,
                        function,
                        "expected a private key, got " + label.toLowerCase(Locale.ROOT));
        }
        for (String algorithm : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm)
                        .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this key type; try the next
            }
        }
        throw new EvalException(ErrorCode.INVALID_KEY, function, "the key cannot be read");
    }

    /** The named-curve OID from the {@code [0]} parameters of a SEC1 ECPrivateKey. */
    private static byte[] sec1CurveOid(byte[] der, String function) {
        try {
            Der outer = new Der(der, 0);
            int pos = outer.contentStart;
            int end = outer.contentStart + outer.length;
            while (pos < end) {
                Der inner = new Der(der, pos);
                if ((inner.tag & 0xff) == 0xa0) {
                    Der oid = new Der(der, inner.contentStart);
                    if (oid.tag != 0x06) {
                        break;
                    }
                    byte[] out = new byte[oid.contentStart + oid.length - inner.contentStart];
                    System.arraycopy(der, inner.contentStart, out, 0, out.length);
                    return out;
                }
                pos = inner.contentStart + inner.length;
            }
        } catch (IndexOutOfBoundsException e) {
            // fall through to the error below
        }
        throw new EvalException(
                ErrorCode.INVALID_KEY, function, "the EC key does not name its curve");
    }

    /** One DER header: tag, length and where the content starts. */
    private static final class Der {
        final int tag;
        final int length;
        final int contentStart;

        Der(byte[] b, int at) {
            tag = b[at] & 0xff;
            int first = b[at + 1] & 0xff;
            if (first < 0x80) {
                length = first;
                contentStart = at + 2;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 3) {
                    throw new IndexOutOfBoundsException("unsupported DER length");
                }
                int len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[at + 2 + i] & 0xff);
                }
                length = len;
                contentStart = at + 2 + n;
            }
            if (contentStart + length > b.length) {
                throw new IndexOutOfBoundsException("truncated DER");
            }
        }
    }

    private static byte[] pkcs8(int version, byte[] algorithmId, byte[] key) {
        return seq(concat(new byte[] {0x02, 0x01, (byte) version}, algorithmId, tlv(0x04, key)));
    }

    private static byte[] seq(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
