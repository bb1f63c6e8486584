package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.credentialapi.cli.ReencryptReport;
import io.ambientcode.credentialapi.cli.Reencryptor;
import io.ambientcode.credentialapi.crypto.Keyring;
import io.ambientcode.credentialapi.crypto.TokenEnvelope;
import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.Sessions;
import io.ambientcode.credentialapi.support.TestDb;
import io.ambientcode.credentialapi.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3: the row holds {@code enc:v1:…} (AES-256-GCM, nonce ‖ ciphertext ‖ tag, credential id as AAD), not
 * the token; a flipped byte, a value moved to another row, or a malformed value makes the read fail with an error,
 * never garbage; rotation plus re-encryption leaves every token readable and every row on the new version.
 */
@QuarkusTest
class EncryptionAtRestTest {

    @Inject
    Reencryptor reencryptor;
    @Inject
    TokenEnvelope envelope;

    private String project;
    private String owner;

    private void world() {
        project = Fixtures.unique("rest");
        owner = Jwts.user(Fixtures.unique("o"), "project:" + project + ":admin").mint();
    }

    private String boundGithub(String token) {
        String id = Fixtures.createGithub(owner, token);
        Fixtures.bind(owner, project, id, null);
        return id;
    }

    @Test
    void rowHoldsTheEnvelopeNotTheToken() throws Exception {
        world();
        String token = Fixtures.githubToken();
        String id = boundGithub(token);
        String stored = TestDb.storedToken(id).orElseThrow();

        assertThat(stored).startsWith("enc:v1:").doesNotContain(token)
                .doesNotContain(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        byte[] payload = Base64.getDecoder().decode(stored.substring("enc:v1:".length()));
        assertThat(payload).hasSize(12 + token.getBytes(StandardCharsets.UTF_8).length + 16);
        // Independently of the service: the configured v1 key opens it with the credential id as AAD, and only so.
        TokenEnvelope v1 = new TokenEnvelope(Keyring.of(Map.of(1, TestKeys.encryptionKeyBytes(1)), 1));
        assertThat(v1.open(stored, id)).isEqualTo(token);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> v1.open(stored, id + "x"))
                .hasMessageContaining("does not authenticate");
        // Two seals of the same token differ (fresh nonce).
        Api.json(owner, Fixtures.body(Map.of("token", token))).patch(Api.CREDENTIALS + "/" + id).then().statusCode(200);
        assertThat(TestDb.storedToken(id).orElseThrow()).isNotEqualTo(stored);
        assertThat(Sessions.readPayload(project, "github", id).token()).isEqualTo(token);
    }

    @Test
    void tamperedSwappedOrMalformedValuesFailWithAnError() {
        world();
        String tokenA = Fixtures.githubToken();
        String tokenB = Fixtures.githubToken();
        String a = boundGithub(tokenA);
        String b = boundGithub(tokenB);
        String storedA = TestDb.storedToken(a).orElseThrow();
        String storedB = TestDb.storedToken(b).orElseThrow();
        byte[] payload = Base64.getDecoder().decode(storedA.substring("enc:v1:".length()));
        try {
            // One flipped byte in the nonce, the ciphertext and the tag.
            for (int position : new int[] { 0, 11, 12, payload.length - 17, payload.length - 16, payload.length - 1 }) {
                byte[] tampered = payload.clone();
                tampered[position] ^= 0x01;
                TestDb.setStoredToken(a, "enc:v1:" + Base64.getEncoder().encodeToString(tampered));
                assertUnreadable(Sessions.read(project, "github", a), tokenA);
            }
            // A's value moved to B's row: the AAD (B's id) does not match.
            TestDb.setStoredToken(b, storedA);
            assertUnreadable(Sessions.read(project, "github", b), tokenA);
            TestDb.setStoredToken(b, storedB);
            // Malformed values: plaintext, bad base64, non-canonical version, truncated, unknown version.
            for (String bad : List.of(tokenA, "enc:v1:", "enc:v1:!!!!", "enc:v01:" + storedA.substring(7), "enc:v1:AAAA",
                    "enc:v1:" + Base64.getEncoder().encodeToString(payload).replace("=", ""), "enc:v7:" + storedA.substring(7),
                    "ENC:V1:" + storedA.substring(7))) {
                TestDb.setStoredToken(a, bad);
                assertUnreadable(Sessions.read(project, "github", a), tokenA);
            }
            // Metadata reads do not need the token and keep working.
            Api.as(owner).get(Api.CREDENTIALS + "/" + a).then().statusCode(200);
            String audit = Api.as(owner).get(Api.CREDENTIALS + "/" + a + "/audit?size=100").then().statusCode(200)
                    .extract().asString();
            assertThat(audit).contains("\"outcome\":\"error\"").contains("envelope_authentication_failed")
                    .contains("envelope_malformed").contains("envelope_unknown_key_version");
        } finally {
            TestDb.setStoredToken(a, storedA);
            TestDb.setStoredToken(b, storedB);
        }
        assertThat(Sessions.readPayload(project, "github", a).token()).isEqualTo(tokenA);
        assertThat(Sessions.readPayload(project, "github", b).token()).isEqualTo(tokenB);
    }

    @Test
    void rotationAndReencryptionKeepEveryTokenReadable() {
        world();
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, String> providers = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String t = Fixtures.githubToken();
            tokens.put(boundGithub(t), t);
        }
        String kube = Fixtures.kubeconfig();
        String kubeId = Fixtures.createCredential(owner, Fixtures.credentialBody(Fixtures.unique("k"), "kubeconfig", kube));
        Fixtures.bind(owner, project, kubeId, null);
        tokens.put(kubeId, kube);
        providers.put(kubeId, "kubeconfig");
        long rows = TestDb.count("SELECT COUNT(*) FROM credentials");
        assertThat(TestDb.count("SELECT COUNT(*) FROM credentials WHERE token NOT LIKE 'enc:v1:%'")).isZero();

        Keyring rotated = envelope.keyring().withCurrentVersion(2);
        ReencryptReport dry = reencryptor.run(rotated, true, 2, quiet());
        assertThat(dry.reencrypted()).isEqualTo(rows);
        assertThat(dry.failedIds()).isEmpty();
        assertThat(TestDb.count("SELECT COUNT(*) FROM credentials WHERE token LIKE 'enc:v2:%'"))
                .as("a dry run changes nothing").isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReencryptReport run = reencryptor.run(rotated, false, 2, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(run.ok()).isTrue();
        assertThat(run.scanned()).isEqualTo(rows);
        assertThat(run.reencrypted() + run.changedConcurrently()).isEqualTo(rows);
        assertThat(run.batches()).isEqualTo((int) ((rows + 1) / 2));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-encrypted to v2").contains("batch 1:");
        assertThat(TestDb.count("SELECT COUNT(*) FROM credentials WHERE token NOT LIKE 'enc:v2:%'"))
                .as("every row on the new version").isZero();

        tokens.forEach((id, token) -> assertThat(Sessions.readPayload(project, providers.getOrDefault(id, "github"), id)
                .token()).isEqualTo(token));

        ReencryptReport again = reencryptor.run(rotated, false, 50, quiet());
        assertThat(again.reencrypted()).as("resumable: a rerun has nothing left to do").isZero();
        assertThat(again.alreadyCurrent()).isEqualTo(rows);
    }

    private static void assertUnreadable(Response r, String token) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("stored_value_unreadable");
        assertThat(r.asString()).doesNotContain(token);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
