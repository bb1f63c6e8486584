package io.ambientcode.sidecar.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.jira.support.JiraWorld.jira;
import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.jira.support.JiraTestBase;
import io.ambientcode.sidecar.jira.support.JiraWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * I7 for Jira: the user rotates the API token; Jira refuses the old Basic header with 401, the sidecar refreshes the
 * credential once and retries with the new Basic header (derived secret rebuilt), without a restart.
 */
@QuarkusTest
@QuarkusTestResource(value = JiraWorld.class, restrictToAnnotatedClass = false)
class CredentialRotationTest extends JiraTestBase {

    @Test
    void aRotatedTokenReachesTheLiveClientAfterOne401() throws Exception {
        useCloud(true);
        jira.resetAll();
        String oldAuth = auth();
        String fresh = JiraWorld.newToken();
        JiraWorld.ambient.credentialApi.rotate(fresh);
        JiraWorld.currentToken = fresh;
        String newAuth = auth();
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).withHeader("Authorization", equalTo(oldAuth))
                .willReturn(aResponse().withStatus(401).withBody("{\"errorMessages\":[\"Client must be authenticated\"]}")));
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).withHeader("Authorization", equalTo(newAuth))
                .willReturn(okJson("{\"displayName\":\"Rotated\"}")));
        int fetches = JiraWorld.ambient.credentialApi.fetches();

        assertThat(ok("jira_get_user_profile", Map.of("user_identifier", "me")).path("user").path("displayName").asText())
                .isEqualTo("Rotated");
        jira.verify(1, getRequestedFor(urlPathEqualTo("/rest/api/3/myself")).withHeader("Authorization", equalTo(oldAuth)));
        jira.verify(1, getRequestedFor(urlPathEqualTo("/rest/api/3/myself")).withHeader("Authorization", equalTo(newAuth)));
        assertThat(JiraWorld.ambient.credentialApi.fetches()).isEqualTo(fetches + 1);

        // a second 401 (the new token refused too) is the tool's error, after exactly one more refresh
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).willReturn(aResponse().withStatus(401)
                .withBody("{\"errorMessages\":[\"Client must be authenticated\"]}")));
        assertThat(error("jira_get_user_profile", Map.of("user_identifier", "me")))
                .isEqualTo("Jira API error 401: Client must be authenticated");
    }
}
