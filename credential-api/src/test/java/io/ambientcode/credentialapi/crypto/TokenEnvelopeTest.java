package io.ambientcode.credentialapi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenEnvelopeTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static byte[] key() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    private final byte[] k1 = key();
    private final byte[] k2 = key();
    private final TokenEnvelope v1 = new TokenEnvelope(Keyring.of(Map.of(1, k1), 1));
    private final TokenEnvelope both = new TokenEnvelope(Keyring.of(Map.of(1, k1, 2, k2), 2));

    @Test
    void sealsToTheDocumentedShapeAndOpensWithTheSameId() throws Exception {
        String token = "ghp_" + "x".repeat(36);
        String sealed = v1.seal(token, "cred-1234");
        assertThat(sealed).matches("enc:v1:[A-Za-z0-9+/]+={0,2}");
        byte[] payload = Base64.getDecoder().decode(sealed.substring(7));
        assertThat(payload).hasSize(12 + token.length() + 16);
        assertThat(v1.open(sealed, "cred-1234")).isEqualTo(token);
        assertThat(TokenEnvelope.versionOf(sealed)).isEqualTo(1);
    }

    @Test
    void largeAndUnicodeValuesRoundTrip() throws Exception {
        String kubeconfig = "apiVersion: v1\n# ünïcødé ✓\n" + "clusters: []\n".repeat(2000);
        assertThat(v1.open(v1.seal(kubeconfig, "k"), "k")).isEqualTo(kubeconfig);
    }

    @Test
    void everySealUsesAFreshNonce() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(v1.seal("same", "id").substring(7, 23))).isTrue();
        }
    }

    @Test
    void anotherCredentialIdDoesNotOpen() {
        String sealed = v1.seal("secret-value", "cred-a");
        assertThatThrownBy(() -> v1.open(sealed, "cred-b")).isInstanceOfSatisfying(EnvelopeException.class,
                e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void everyFlippedBitIsDetected() {
        String sealed = v1.seal("secret-value", "cred-a");
        byte[] payload = Base64.getDecoder().decode(sealed.substring(7));
        for (int i = 0; i < payload.length; i++) {
            for (int bit = 0; bit < 8; bit += 3) {
                byte[] t = payload.clone();
                t[i] ^= (byte) (1 << bit);
                String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(t);
                assertThatThrownBy(() -> v1.open(tampered, "cred-a")).isInstanceOfSatisfying(EnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.AUTHENTICATION_FAILED));
            }
        }
    }

    @Test
    void theWrongKeyUnderTheSameVersionDoesNotOpen() {
        String sealed = v1.seal("secret-value", "id");
        TokenEnvelope impostor = new TokenEnvelope(Keyring.of(Map.of(1, key()), 1));
        assertThatThrownBy(() -> impostor.open(sealed, "id")).isInstanceOf(EnvelopeException.class);
    }

    @Test
    void malformedValuesAreErrorsNeverPlaintext() {
        String good = v1.seal("secret-value", "id");
        String b64 = good.substring(7);
        assertThat(b64).as("40 payload bytes: padded base64").endsWith("==");
        for (String bad : new String[] { null, "", "secret-value", "enc:", "enc:v", "enc:v1", "enc:v1:", "enc:v0:" + b64,
                "enc:v01:" + b64, "enc:v-1:" + b64, "enc:vx:" + b64, "ENC:V1:" + b64, " enc:v1:" + b64, "enc:v1:" + b64 + " ",
                "enc:v1:" + b64.replace("=", ""), "enc:v1:" + b64 + "==", "enc:v1:" + b64.substring(0, b64.length() - 6) + "-_AA==",
                "enc:v1:!!" + b64, "enc:v1:" + Base64.getEncoder().encodeToString(new byte[27]),
                "enc:v1:" + b64 + "\nsecret-value", "enc:v1:" + b64 + ":x" }) {
            assertThatThrownBy(() -> v1.open(bad, "id")).as(String.valueOf(bad)).isInstanceOfSatisfying(
                    EnvelopeException.class, e -> {
                        assertThat(e.reason()).isIn(EnvelopeException.Reason.MALFORMED,
                                EnvelopeException.Reason.AUTHENTICATION_FAILED);
                        assertThat(e.getMessage()).doesNotContain("secret-value");
                    });
        }
    }

    @Test
    void versionsSelectKeysAndUnknownVersionsAreErrors() throws Exception {
        String old = v1.seal("old-secret", "id");
        assertThat(both.open(old, "id")).isEqualTo("old-secret");
        String current = both.seal("new-secret", "id");
        assertThat(current).startsWith("enc:v2:");
        assertThatThrownBy(() -> v1.open(current, "id")).isInstanceOfSatisfying(EnvelopeException.class,
                e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.UNKNOWN_KEY_VERSION));
    }

    @Test
    void keyringRefusesBadKeysWithoutShowingThem() {
        byte[] shortKey = "sixteen-byte-key".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Keyring.of(Map.of(1, shortKey), 1)).hasMessageNotContaining("sixteen");
        assertThatThrownBy(() -> Keyring.of(Map.of(1, k1), 2)).hasMessageContaining("current key version 2");
        assertThatThrownBy(() -> Keyring.of(Map.of(0, k1), 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Keyring.of(Map.of(), 1)).hasMessageContaining("no keys");
        assertThat(Keyring.of(Map.of(1, k1, 2, k2), 1).toString()).doesNotContain(Base64.getEncoder().encodeToString(k1));
    }
}
