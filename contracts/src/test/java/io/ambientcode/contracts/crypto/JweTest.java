package io.ambientcode.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

class JweTest {

    private final KeyPair recipient = EcKeys.generateP256();

    @Test
    void roundTripsToTheEphemeralKey() throws Exception {
        String jwe = Jwe.encrypt("{\"token\":\"s3cr3t-value\"}", (ECPublicKey) recipient.getPublic());
        assertThat(jwe.split("\\.")).hasSize(5);
        assertThat(jwe).doesNotContain("s3cr3t");
        String header = new String(Base64.getUrlDecoder().decode(jwe.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"ECDH-ES+A256KW\"").contains("\"enc\":\"A256GCM\"");
        assertThat(Jwe.decrypt(jwe, (ECPrivateKey) recipient.getPrivate())).isEqualTo("{\"token\":\"s3cr3t-value\"}");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String jwe = Jwe.encrypt("payload", (ECPublicKey) recipient.getPublic());
        KeyPair attacker = EcKeys.generateP256();
        assertThatThrownBy(() -> Jwe.decrypt(jwe, (ECPrivateKey) attacker.getPrivate())).isInstanceOf(JoseException.class);
    }

    @Test
    void tamperedCiphertextIsRefused() {
        String jwe = Jwe.encrypt("payload", (ECPublicKey) recipient.getPublic());
        String[] parts = jwe.split("\\.");
        char c = parts[3].charAt(0);
        parts[3] = (c == 'A' ? 'B' : 'A') + parts[3].substring(1);
        assertThatThrownBy(() -> Jwe.decrypt(String.join(".", parts), (ECPrivateKey) recipient.getPrivate()))
                .isInstanceOf(JoseException.class);
    }

    @Test
    void otherAlgorithmsAreRefused() throws Exception {
        JsonWebEncryption other = new JsonWebEncryption();
        other.setPayload("payload");
        other.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.ECDH_ES);
        other.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
        other.setKey(recipient.getPublic());
        String jwe = other.getCompactSerialization();
        assertThatThrownBy(() -> Jwe.decrypt(jwe, (ECPrivateKey) recipient.getPrivate())).isInstanceOf(JoseException.class);
    }

    @Test
    void jwkRoundTripAndCurveValidation() {
        EcPublicJwk jwk = EcPublicJwk.of((ECPublicKey) recipient.getPublic());
        assertThat(jwk.toPublicKey()).isEqualTo(recipient.getPublic());
        assertThat(EcPublicJwk.fromMap(jwk.toMap())).isEqualTo(jwk);
        assertThat(jwk.x()).hasSize(43);

        EcPublicJwk offCurve = new EcPublicJwk("EC", "P-256", jwk.x(), jwk.x());
        assertThatThrownBy(offCurve::toPublicKey).hasMessageContaining("not a point on P-256");
        assertThatThrownBy(() -> EcPublicJwk.fromMap(Map.of("kty", "EC", "crv", "P-256", "x", jwk.x())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EcPublicJwk("EC", "P-256", "AA", jwk.y()).toPublicKey())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EcPublicJwk("EC", "P-256", "_".repeat(43), jwk.y()).toPublicKey())
                .hasMessageContaining("out of range");
    }
}
