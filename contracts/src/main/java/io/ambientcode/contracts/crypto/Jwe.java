package io.ambientcode.contracts.crypto;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The one JWE profile of the suite: compact, {@code ECDH-ES+A256KW} key management, {@code A256GCM} content, to the
 * sidecar's ephemeral P-256 key. Both secret-carrying replies (token server, credential API) use it (invariant I4),
 * so a reply captured on the wire, or a session JWT used by anyone without the private key, yields nothing.
 */
public final class Jwe {

    public static final String MEDIA_TYPE = "application/jose";

    private static final AlgorithmConstraints KEY_ALGORITHMS =
            new AlgorithmConstraints(ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW);
    private static final AlgorithmConstraints CONTENT_ALGORITHMS =
            new AlgorithmConstraints(ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);

    private Jwe() {
    }

    /** Encrypts a UTF-8 payload to the recipient's P-256 public key. */
    public static String encrypt(String payload, ECPublicKey recipient) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(payload);
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setContentTypeHeaderValue("application/json");
        jwe.setKey(recipient);
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("JWE encryption failed", e);
        }
    }

    /** Decrypts a compact JWE made by {@link #encrypt}; any other algorithm is refused. */
    public static String decrypt(String compact, ECPrivateKey key) throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(KEY_ALGORITHMS);
        jwe.setContentEncryptionAlgorithmConstraints(CONTENT_ALGORITHMS);
        jwe.setCompactSerialization(compact);
        jwe.setKey(key);
        return jwe.getPayload();
    }
}
