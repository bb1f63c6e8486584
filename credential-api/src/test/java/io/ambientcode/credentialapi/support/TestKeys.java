package io.ambientcode.credentialapi.support;

import io.ambientcode.contracts.crypto.Pem;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Keys generated fresh for every test run: the user issuer's, the control plane's, the token server's signing key
 * (published as a JWKS by {@link JwksServer}), and two encryption-at-rest keys. Published through {@link Shared}.
 */
public final class TestKeys {

    public static final String USER_ISSUER = "https://users.test.example/realm";
    public static final String PLATFORM_ADMIN_GROUP = "platform-admins";

    private static final String USER_KEY = "credapi.test.user.key";
    private static final String CP_KEY = "credapi.test.cp.key";
    private static final String TS_KEY = "credapi.test.ts.key";
    private static final String TS_KID = "credapi.test.ts.kid";
    private static final String TS_PREVIOUS = "credapi.test.ts.previous";
    private static final String TS_PREVIOUS_KID = "credapi.test.ts.previous.kid";
    private static final String ENC = "credapi.test.enc.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** Generates every key and publishes it (and the JWKS) for this run. */
    public static void generateAndPublish() {
        Shared.put(USER_KEY, TestSecrets.register(Pem.toPkcs8Pem(rsa().getPrivate())));
        Shared.put(CP_KEY, TestSecrets.register(Pem.toPkcs8Pem(rsa().getPrivate())));
        System.clearProperty(TS_PREVIOUS);
        rotateTokenServerKey(false);
        for (int v = 1; v <= 2; v++) {
            byte[] k = new byte[32];
            RANDOM.nextBytes(k);
            Shared.put(ENC + v, TestSecrets.register(Base64.getEncoder().encodeToString(k)));
        }
    }

    /** A new token-server signing key with a new kid; with {@code keepPrevious} the JWKS lists both (a rotation). */
    public static String rotateTokenServerKey(boolean keepPrevious) {
        if (keepPrevious && System.getProperty(TS_KEY) != null) {
            Shared.put(TS_PREVIOUS, Shared.get(TS_KEY));
            Shared.put(TS_PREVIOUS_KID, Shared.get(TS_KID));
        }
        KeyPair pair = rsa();
        String kid = "ts-" + UUID.randomUUID();
        Shared.put(TS_KEY, TestSecrets.register(Pem.toPkcs8Pem(pair.getPrivate())));
        Shared.put(TS_KID, kid);
        JwksServer.publish(jwks());
        return kid;
    }

    public static PrivateKey userKey() {
        return privateKey(Shared.get(USER_KEY));
    }

    public static PrivateKey controlPlaneKey() {
        return privateKey(Shared.get(CP_KEY));
    }

    public static PrivateKey tokenServerKey() {
        return privateKey(Shared.get(TS_KEY));
    }

    public static String tokenServerKid() {
        return Shared.get(TS_KID);
    }

    public static PublicKey publicOf(PrivateKey key) {
        return Pem.publicKeyOf((RSAPrivateCrtKey) key);
    }

    public static String userPublicPem() {
        return Pem.toSpkiPem(publicOf(userKey()));
    }

    public static String controlPlanePublicPem() {
        return Pem.toSpkiPem(publicOf(controlPlaneKey()));
    }

    /** Base64 of encryption key version 1 or 2. */
    public static String encryptionKey(int version) {
        return Shared.get(ENC + version);
    }

    public static byte[] encryptionKeyBytes(int version) {
        return Base64.getDecoder().decode(encryptionKey(version));
    }

    /** A fresh RSA key pair that nobody trusts (for wrong-signature tests). */
    public static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks() {
        try {
            RsaJsonWebKey current = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) publicOf(tokenServerKey()));
            current.setKeyId(tokenServerKid());
            current.setUse("sig");
            current.setAlgorithm("RS256");
            List<JsonWebKey> keys = new java.util.ArrayList<>(List.of(current));
            String previous = System.getProperty(TS_PREVIOUS);
            if (previous != null) {
                RsaJsonWebKey prev = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) publicOf(privateKey(previous)));
                prev.setKeyId(Shared.get(TS_PREVIOUS_KID));
                prev.setUse("sig");
                keys.add(prev);
            }
            return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String pem) {
        try {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
