package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, Prometheus metrics (no ids or secrets in labels) and the generated OpenAPI document. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        Api.anonymous().get("/q/health/live").then().statusCode(200);
        String ready = Api.anonymous().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).contains("\"status\": \"UP\"").containsIgnoringCase("database");
    }

    @Test
    void metricsCountTokenReadsByOutcomeOnly() {
        String project = Fixtures.unique("metrics");
        String owner = Jwts.user(Fixtures.unique("o"), "project:" + project + ":admin").mint();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        Sessions.read(project, "github", id).then().statusCode(404);
        Fixtures.bind(owner, project, id, null);
        Sessions.readPayload(project, "github", id);
        String metrics = Api.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ambient_credential_token_reads_total{outcome=\"success\"")
                .contains("ambient_credential_token_reads_total{outcome=\"denied\"")
                .contains("uri=\"/api/ambient/v1/credentials/{id}/token\"");
        assertThat(metrics).as("no credential id in any label").doesNotContain(id).doesNotContain(project);
    }

    @Test
    void openApiDocumentsEveryRoute() throws Exception {
        String doc = Api.anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(doc).contains("\"/api/ambient/v1/credentials\"", "\"/api/ambient/v1/credentials/{id}\"",
                "\"/api/ambient/v1/credentials/{id}/token\"", "\"/api/ambient/v1/credentials/{id}/audit\"",
                "\"/api/ambient/v1/projects/{project}/credential-bindings\"",
                "\"/api/ambient/v1/projects/{project}/credential-bindings/{id}\"",
                "\"/api/ambient/v1/projects/{project}/credential-bindings:resolve\"",
                "application/jose", "CredentialCreate", "ResolvedBindings");
        JsonNode schemas = new ObjectMapper().readTree(doc).path("components").path("schemas");
        assertThat(schemas.path("Credential").path("properties").has("token_set_at")).isTrue();
        assertThat(schemas.path("Credential").path("properties").has("token")).as("no token in responses").isFalse();
        assertThat(schemas.path("CredentialCreate").path("properties").path("token").path("writeOnly").asBoolean())
                .as("token is write-only").isTrue();
    }
}
