package io.ambientcode.contracts.exchange;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSA-OAEP exactly as the exchange protocol (and the Go/Python clients of the system we replace) use it:
 * SHA-256 digest, MGF1 with SHA-256, empty label. All three are set explicitly because the JCE's
 * "OAEPWithSHA-256AndMGF1Padding" silently uses MGF1-SHA-1, which does not interoperate.
 */
public final class RsaOaep {

    private static final OAEPParameterSpec PARAMS = new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    /** Two SHA-256 digests plus two bytes: the OAEP overhead. */
    private static final int OAEP_OVERHEAD_BYTES = 2 * 32 + 2;

    private RsaOaep() {
    }

    /** The largest plaintext a key of this size can carry (446 bytes for RSA-4096). */
    public static int maxPlaintextBytes(RSAKey key) {
        return (key.getModulus().bitLength() + 7) / 8 - OAEP_OVERHEAD_BYTES;
    }

    public static byte[] encrypt(PublicKey key, byte[] plaintext) {
        if (plaintext.length > maxPlaintextBytes((RSAKey) key)) {
            throw new IllegalArgumentException("plaintext of " + plaintext.length + " bytes exceeds the OAEP limit of "
                    + maxPlaintextBytes((RSAKey) key) + " bytes for this key");
        }
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, PARAMS);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP encryption failed", e);
        }
    }

    /** Decrypts, or throws {@link GeneralSecurityException} for a wrong key, tampering or a bad length. */
    public static byte[] decrypt(PrivateKey key, byte[] ciphertext) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, PARAMS);
        return cipher.doFinal(ciphertext);
    }
}
