package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.credential.CredentialTokenPayload;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: create → bind → resolve → token read by a session token → decrypt the JWE → the exact token; and no
 * metadata response ever contains it (asserted on the raw JSON, in plain and base64 forms).
 */
@QuarkusTest
class RoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tokenTravelsOnlyAsJweToTheSessionKey() throws Exception {
        String project = Fixtures.unique("proj");
        String owner = Jwts.user(Fixtures.unique("alice"), "project:" + project + ":admin").mint();
        String secret = Fixtures.githubToken();

        String createBody = Api.json(owner, Fixtures.body(Map.of("name", Fixtures.unique("gh"), "provider", "github",
                "token", secret, "description", "bot account", "metadata", Map.of("team", "infra"))))
                .post(Api.CREDENTIALS).then().statusCode(201).extract().asString();
        String id = JSON.readTree(createBody).get("id").asText();
        assertNoToken(createBody, secret);
        assertThat(JSON.readTree(createBody).has("token")).isFalse();

        String bindingId = Fixtures.bind(owner, project, id, null);

        String resolved = Api.as(Jwts.controlPlane().mint()).get(Api.resolve(project))
                .then().statusCode(200).extract().asString();
        JsonNode r = JSON.readTree(resolved);
        assertThat(r.get("credentials")).hasSize(1);
        assertThat(r.at("/credentials/0/credential_id").asText()).isEqualTo(id);
        assertThat(r.at("/credentials/0/provider").asText()).isEqualTo("github");
        assertThat(r.at("/credentials/0/binding_id").asText()).isEqualTo(bindingId);
        assertThat(r.at("/credentials/0/level").asText()).isEqualTo("project");
        assertNoToken(resolved, secret);

        KeyPair ephemeral = EcKeys.generateP256();
        String session = Jwts.session("sess-" + Fixtures.random(12), project, "github", List.of(id), ephemeral).mint();
        var response = Api.as(session).get(Api.CREDENTIALS + "/" + id + "/token").then().statusCode(200)
                .header("Content-Type", equalTo(Jwe.MEDIA_TYPE))
                .header("Cache-Control", equalTo("no-store"))
                .extract().asString();
        assertNoToken(response, secret);
        CredentialTokenPayload payload = JSON.readValue(Jwe.decrypt(response, (ECPrivateKey) ephemeral.getPrivate()),
                CredentialTokenPayload.class);
        assertThat(payload.token()).isEqualTo(secret);
        assertThat(payload.credentialId()).isEqualTo(id);
        assertThat(payload.provider()).isEqualTo("github");
        assertThat(payload.url()).isEqualTo("https://api.github.com");

        // Someone else's ephemeral key cannot open the reply.
        KeyPair other = EcKeys.generateP256();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Jwe.decrypt(response, (ECPrivateKey) other.getPrivate())).isInstanceOf(Exception.class);

        String got = Api.as(owner).get(Api.CREDENTIALS + "/" + id).then().statusCode(200).extract().asString();
        assertNoToken(got, secret);
        assertThat(JSON.readTree(got).get("description").asText()).isEqualTo("bot account");
        String listed = Api.as(owner).get(Api.CREDENTIALS).then().statusCode(200).extract().asString();
        assertNoToken(listed, secret);
        assertThat(listed).contains(id);
        String newSecret = Fixtures.githubToken();
        String patched = Api.json(owner, Fixtures.body(Map.of("description", "rotated", "token", newSecret)))
                .patch(Api.CREDENTIALS + "/" + id).then().statusCode(200).extract().asString();
        assertNoToken(patched, secret);
        assertNoToken(patched, newSecret);

        // The next read by a (new) session token delivers the new value.
        KeyPair ephemeral2 = EcKeys.generateP256();
        String jwe2 = Api.as(Jwts.session("sess-" + Fixtures.random(12), project, "github", List.of(id), ephemeral2).mint())
                .get(Api.CREDENTIALS + "/" + id + "/token").then().statusCode(200).extract().asString();
        assertThat(JSON.readValue(Jwe.decrypt(jwe2, (ECPrivateKey) ephemeral2.getPrivate()), CredentialTokenPayload.class)
                .token()).isEqualTo(newSecret);

        // The owner sees the reads in the audit trail, with session and provider, and no value.
        String audit = Api.as(owner).get(Api.CREDENTIALS + "/" + id + "/audit").then().statusCode(200).extract().asString();
        assertNoToken(audit, secret);
        JsonNode items = JSON.readTree(audit).get("items");
        assertThat(items.findValuesAsText("action")).contains("token_read", "credential_create", "credential_update",
                "binding_create");
        assertThat(items.get(0).get("action").asText()).isEqualTo("token_read");
        assertThat(items.get(0).get("outcome").asText()).isEqualTo("success");
        assertThat(items.get(0).get("provider").asText()).isEqualTo("github");
        assertThat(items.get(0).get("session_id").asText()).startsWith("sess-");
    }

    static void assertNoToken(String raw, String secret) {
        assertThat(raw).doesNotContain(secret);
        assertThat(raw).doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(raw).doesNotContain(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
