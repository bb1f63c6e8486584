package io.ambientcode.contracts.session;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-session Secret holding one proof per provider (ARCHITECTURE.md section 6). Only the matching sidecar mounts
 * its key; the runner mounts none (invariant I2).
 */
public final class ProofSecret {

    public static final String NAME_SUFFIX = "-sidecar-proofs";
    public static final int PROOF_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ProofSecret() {
    }

    /** {@code <session>-sidecar-proofs}. */
    public static String nameFor(String sessionName) {
        return sessionName + NAME_SUFFIX;
    }

    /** A fresh proof: 32 random bytes, base64url without padding. */
    public static String newProof() {
        byte[] bytes = new byte[PROOF_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
