package io.ambientcode.sidecar.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** RSA keys generated once per test JVM (never checked in). */
public final class TestKeys {

    private static KeyPair exchange;
    private static KeyPair signing;

    private TestKeys() {
    }

    /** The token server's exchange key: RSA-4096 as in production (the v2 assertion needs the OAEP room). */
    public static synchronized KeyPair exchange() {
        if (exchange == null) {
            exchange = generate(4096);
        }
        return exchange;
    }

    /** The token server's JWT signing key. */
    public static synchronized KeyPair signing() {
        if (signing == null) {
            signing = generate(2048);
        }
        return signing;
    }

    public static KeyPair generate(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
