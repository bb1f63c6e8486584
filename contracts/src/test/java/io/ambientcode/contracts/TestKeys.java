package io.ambientcode.contracts;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** RSA keys generated once per test run (never checked in). */
public final class TestKeys {

    private static KeyPair rsa4096;
    private static KeyPair otherRsa4096;

    private TestKeys() {
    }

    public static synchronized KeyPair rsa4096() {
        if (rsa4096 == null) {
            rsa4096 = generate(4096);
        }
        return rsa4096;
    }

    public static synchronized KeyPair otherRsa4096() {
        if (otherRsa4096 == null) {
            otherRsa4096 = generate(4096);
        }
        return otherRsa4096;
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
