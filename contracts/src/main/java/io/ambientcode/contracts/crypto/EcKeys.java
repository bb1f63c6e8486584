package io.ambientcode.contracts.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Ephemeral P-256 keys: a sidecar makes a fresh one for every exchange (proof of possession, ARCHITECTURE.md I4). */
public final class EcKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EcKeys() {
    }

    public static KeyPair generateP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is not available in this JVM", e);
        }
    }
}
