package io.ambientcode.contracts.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text for RSA keys: SPKI ({@code PUBLIC KEY}) public keys, PKCS#1 ({@code RSA PRIVATE KEY}, what the system we
 * replace stores) and PKCS#8 ({@code PRIVATE KEY}) private keys. Error messages never include key material.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    /** AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

    private Pem() {
    }

    public static RSAPublicKey parseRsaPublicKey(String pem) {
        Block block = block(pem);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PublicKey key = switch (block.type()) {
                case "PUBLIC KEY" -> rsa.generatePublic(new X509EncodedKeySpec(block.der()));
                default -> throw new IllegalArgumentException("expected a PUBLIC KEY (SPKI) PEM block, found " + block.type());
            };
            if (!(key instanceof RSAPublicKey rsaKey)) {
                throw new IllegalArgumentException("public key is not RSA");
            }
            return rsaKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("PUBLIC KEY PEM block is not a valid RSA SubjectPublicKeyInfo");
        }
    }

    /** Reads an RSA private key from a PKCS#1 or PKCS#8 PEM block. */
    public static RSAPrivateCrtKey parseRsaPrivateKey(String pem) {
        Block block = block(pem);
        byte[] pkcs8 = switch (block.type()) {
            case "RSA PRIVATE KEY" -> wrapPkcs1(block.der());
            case "PRIVATE KEY" -> block.der();
            default -> throw new IllegalArgumentException(
                    "expected an RSA PRIVATE KEY (PKCS#1) or PRIVATE KEY (PKCS#8) PEM block, found " + block.type());
        };
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("private key is not an RSA CRT key");
            }
            return crt;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(block.type() + " PEM block is not a valid RSA private key");
        }
    }

    /** The public half of an RSA private key. */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive an RSA public key", e);
        }
    }

    public static String toSpkiPem(PublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    public static String toPkcs8Pem(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    /** PKCS#1 form, as the system we replace stores {@code private.pem}. */
    public static String toPkcs1Pem(PrivateKey key) {
        return encode("RSA PRIVATE KEY", unwrapPkcs8(key.getEncoded()));
    }

    private record Block(String type, byte[] der) {
    }

    private static Block block(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM text");
        }
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM block found");
        }
        try {
            return new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block body is not base64");
        }
    }

    private static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] { 0x02, 0x01, 0x00 });
        body.writeBytes(RSA_ALGORITHM_ID);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] unwrapPkcs8(byte[] pkcs8) {
        Der outer = new Der(pkcs8);
        Der seq = outer.enter(0x30);
        seq.skip(0x02); // version
        seq.skip(0x30); // algorithm identifier
        return seq.content(0x04);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((len >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Just enough DER reading to take a PKCS#8 envelope apart. */
    private static final class Der {
        private final byte[] buf;
        private int pos;
        private final int end;

        Der(byte[] buf) {
            this(buf, 0, buf.length);
        }

        private Der(byte[] buf, int start, int end) {
            this.buf = buf;
            this.pos = start;
            this.end = end;
        }

        Der enter(int tag) {
            int[] range = header(tag);
            pos = range[1];
            return new Der(buf, range[0], range[1]);
        }

        void skip(int tag) {
            pos = header(tag)[1];
        }

        byte[] content(int tag) {
            int[] range = header(tag);
            pos = range[1];
            return Arrays.copyOfRange(buf, range[0], range[1]);
        }

        private int[] header(int tag) {
            if (pos >= end || (buf[pos] & 0xff) != tag) {
                throw new IllegalArgumentException("unexpected DER structure");
            }
            int p = pos + 1;
            int len = buf[p++] & 0xff;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n == 0 || n > 4) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (buf[p++] & 0xff);
                }
            }
            if (p + len > end || len < 0) {
                throw new IllegalArgumentException("truncated DER");
            }
            return new int[] { p, p + len };
        }
    }
}
