package io.ambientcode.sidecar.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.google.support.GoogleWorld.google;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.google.support.GoogleTestBase;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.ambientcode.sidecar.testing.LeakScan;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance 6 (I5): a Google that echoes the access token, the client secret, the refresh token and private-key
 * lines in results and errors is redacted (exact values, not just token shapes: the test secrets have no well-known
 * shape); then every MCP response of the suite and every log line the sidecar wrote are scanned for every secret
 * used in the run (client secrets, refresh tokens, private keys and their lines, every access token, the proof).
 * Runs last.
 */
@QuarkusTest
@QuarkusTestResource(value = GoogleWorld.class, restrictToAnnotatedClass = false)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakScanTest extends GoogleTestBase {

    @Test
    @Order(1)
    void anUpstreamEchoingCredentialMaterialIsRedacted() throws Exception {
        String user = GoogleWorld.authorizedUser();
        GoogleWorld.rotateCredential(user, null);
        refresher.refreshNow();
        google.resetAll();
        String access = GoogleWorld.nextAccessToken(3600);
        JsonNode doc = JSON.readTree(user);
        String echo = "at=" + access + " cs=" + doc.path("client_secret").asText() + " rt=" + doc.path("refresh_token").asText();
        google.stubFor(get(urlPathEqualTo(GMAIL + "/labels")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"labels\":[{\"id\":\"X\",\"name\":\"" + echo + "\"}]}")));
        String ok = okText("list_gmail_labels", Map.of());
        assertThat(ok).contains(SecretRedactor.MASK).doesNotContain(access)
                .doesNotContain(doc.path("client_secret").asText()).doesNotContain(doc.path("refresh_token").asText());

        KeyPair key = GoogleWorld.newKey();
        String sa = GoogleWorld.serviceAccount(key, "kid-leak");
        GoogleWorld.rotateCredential(sa, GoogleWorld.SUBJECT);
        refresher.refreshNow();
        String saAccess = GoogleWorld.nextAccessToken(3600);
        String keyLine = JSON.readTree(sa).path("private_key").asText().split("\n")[3];
        google.stubFor(get(urlPathEqualTo(GMAIL + "/messages/m1")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":400,\"message\":\"bad " + saAccess + " key " + keyLine + "\"}}")));
        String err = error("get_gmail_message_content", Map.of("message_id", "m1"));
        assertThat(err).startsWith("Google API error 400: bad").doesNotContain(saAccess).doesNotContain(keyLine);
    }

    @Test
    @Order(2)
    void noSecretInAnyToolResponseOrLogLine() throws Exception {
        McpHttpClient.TRANSCRIPT.add(RestAssured.given().baseUri(managementBase()).get("/q/health").asString());
        assertThat(tokens.grants()).isGreaterThanOrEqualTo(3);
        // client secrets, refresh tokens, private keys and their lines, every access token, the proof
        LeakScan.of(GoogleWorld.SECRETS, McpHttpClient.TRANSCRIPT, GoogleWorld.LOG_FILE).atLeast(10, 20)
                .logShows("access token obtained").forbid("PRIVATE KEY").assertClean();
    }
}
