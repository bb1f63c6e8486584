package io.ambientcode.controlplane.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.controlplane.status.SessionConditions;
import io.ambientcode.controlplane.support.TestKeys;
import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad-input sweep of what the credential API may answer: each answer maps to exactly one outcome (resolved, a
 * condition reason, or "unavailable, retry"), and no message echoes a response body.
 */
class CredentialResolutionSweepTest {

    private static final String PROJECT = "sweep";
    private static final String BODY_MARKER = "body-marker-never-echoed";
    private static WireMockServer api;
    private static CredentialResolver resolver;

    @BeforeAll
    static void start() {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        RSAPrivateKey key = (RSAPrivateKey) TestKeys.rsa(2048).getPrivate();
        ControlPlaneTokenSigner signer = new ControlPlaneTokenSigner(key, Optional.empty(), Duration.ofMinutes(2),
                Clock.systemUTC());
        resolver = new CredentialResolver(new CredentialApiClient(URI.create("http://localhost:" + api.port() + "/"),
                Duration.ofSeconds(2), Duration.ofSeconds(2), signer));
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        api.resetAll();
        api.stubFor(get(urlPathEqualTo(CredentialApiPaths.resolveBindings(PROJECT))).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder problem(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + BODY_MARKER + "\"}");
    }

    static List<Arguments> refusals() {
        return List.of(
                Arguments.of(problem(401, "invalid_token"), SessionConditions.REASON_API_UNAUTHORIZED),
                Arguments.of(problem(403, "forbidden"), SessionConditions.REASON_API_FORBIDDEN),
                Arguments.of(problem(404, "project_not_found"), SessionConditions.REASON_PROJECT_NOT_FOUND),
                Arguments.of(problem(422, "credential_not_bound"), SessionConditions.REASON_CREDENTIAL_NOT_BOUND),
                Arguments.of(problem(422, "duplicate_provider"), SessionConditions.REASON_DUPLICATE_PROVIDER),
                Arguments.of(problem(422, "something_else"), SessionConditions.REASON_CREDENTIALS_REJECTED),
                Arguments.of(problem(400, "bad_request"), SessionConditions.REASON_CREDENTIALS_REJECTED),
                Arguments.of(json(403, "<html>" + BODY_MARKER + "</html>"), SessionConditions.REASON_API_FORBIDDEN),
                Arguments.of(json(200, "not json " + BODY_MARKER), SessionConditions.REASON_INVALID_API_REPLY),
                Arguments.of(json(200, "{\"credentials\":[{\"provider\":\"github\",\"credential_id\":\"x\"}]}"),
                        SessionConditions.REASON_INVALID_API_REPLY),
                Arguments.of(json(200, "{\"credentials\":[{\"provider\":\"GitHub!\",\"credential_id\":\"cred-gh-000001\"}]}"),
                        SessionConditions.REASON_INVALID_API_REPLY),
                Arguments.of(json(200, "{\"credentials\":[{\"provider\":\"github\",\"credential_id\":\"cred-gh-000001\"},"
                        + "{\"provider\":\"github\",\"credential_id\":\"cred-gh-000002\"}]}"),
                        SessionConditions.REASON_INVALID_API_REPLY),
                Arguments.of(json(200, "{\"credentials\":[null]}"), SessionConditions.REASON_INVALID_API_REPLY));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusalsAndMalformedRepliesBecomeOneReason(ResponseDefinitionBuilder response, String reason) throws Exception {
        answer(response);
        CredentialResolution outcome = resolver.resolve(PROJECT, null, List.of());
        assertThat(outcome).isInstanceOfSatisfying(CredentialResolution.Unresolved.class, u -> {
            assertThat(u.reason()).isEqualTo(reason);
            assertThat(u.message()).doesNotContain(BODY_MARKER);
        });
    }

    static List<Arguments> outages() {
        return List.of(
                Arguments.of(aResponse().withStatus(500).withBody(BODY_MARKER)),
                Arguments.of(aResponse().withStatus(502)),
                Arguments.of(aResponse().withStatus(503)),
                Arguments.of(aResponse().withStatus(504)),
                Arguments.of(aResponse().withStatus(429)),
                Arguments.of(aResponse().withStatus(408)),
                Arguments.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of(aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of(aResponse().withStatus(200).withFixedDelay(3_000)));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void outagesAreUnavailableAndRetried(ResponseDefinitionBuilder response) {
        answer(response);
        assertThatThrownBy(() -> resolver.resolve(PROJECT, null, List.of()))
                .isInstanceOf(CredentialApiUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(BODY_MARKER));
    }

    @Test
    void resolvedFromBindingsIncludingUnsupportedProviders() throws Exception {
        answer(json(200, "{\"project\":\"sweep\",\"credentials\":[{\"provider\":\"github\",\"credential_id\":\"cred-gh-000001\","
                + "\"binding_id\":\"b1\",\"level\":\"agent\"},{\"provider\":\"gitlab\",\"credential_id\":\"cred-gl-000001\"}],"
                + "\"future_field\":true}"));
        CredentialResolution outcome = resolver.resolve(PROJECT, "bot", List.of());
        assertThat(outcome).isInstanceOfSatisfying(CredentialResolution.Resolved.class, r -> assertThat(r.credentials())
                .containsExactlyInAnyOrderEntriesOf(Map.of("github", "cred-gh-000001", "gitlab", "cred-gl-000001")));
    }

    @Test
    void explicitIdsMustAllComeBackAndNothingElse() throws Exception {
        answer(json(200, "{\"credentials\":[{\"provider\":\"github\",\"credential_id\":\"cred-gh-000001\"}]}"));
        assertThat(resolver.resolve(PROJECT, null, List.of("cred-gh-000001", "cred-jira-00001")))
                .isInstanceOfSatisfying(CredentialResolution.Unresolved.class, u -> {
                    assertThat(u.reason()).isEqualTo(SessionConditions.REASON_CREDENTIAL_NOT_BOUND);
                    assertThat(u.message()).contains("cred-jira-00001");
                });
        assertThat(resolver.resolve(PROJECT, null, List.of("cred-jira-00001")))
                .isInstanceOfSatisfying(CredentialResolution.Unresolved.class,
                        u -> assertThat(u.reason()).isEqualTo(SessionConditions.REASON_INVALID_API_REPLY));
        assertThat(resolver.resolve(PROJECT, null, List.of("cred-gh-000001", "cred-gh-000001")))
                .isInstanceOf(CredentialResolution.Resolved.class);
    }

    @Test
    void queryCarriesAgentAndEncodedIds() {
        CredentialApiClient client = new CredentialApiClient(URI.create("http://api.example:8080"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), null);
        assertThat(client.resolveUri("payments", "bot", List.of("cred_a-000001", "cred-b-000002")).toString())
                .isEqualTo("http://api.example:8080/api/ambient/v1/projects/payments/credential-bindings:resolve"
                        + "?agent=bot&credential=cred_a-000001&credential=cred-b-000002");
        assertThat(client.resolveUri("payments", null, List.of()).toString())
                .isEqualTo("http://api.example:8080/api/ambient/v1/projects/payments/credential-bindings:resolve");
    }
}
