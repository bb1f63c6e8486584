package io.ambientcode.controlplane.kubernetes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.jwt.ControlPlaneClaims;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import io.ambientcode.controlplane.support.ControlPlaneTestResources;
import io.ambientcode.controlplane.support.InjectCredentialApi;
import io.ambientcode.controlplane.support.Leaks;
import io.ambientcode.controlplane.support.LogScan;
import io.ambientcode.controlplane.support.MockCluster;
import io.ambientcode.controlplane.support.Sessions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 5: the credential API down for a while makes the session wait with a condition, then proceed with no
 * duplicate work; a 403 (or 422) is a condition with the reason and no pod. Also what the control plane sends.
 */
@QuarkusTest
@WithTestResource(value = MockCluster.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ControlPlaneTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CredentialApiTest {

    private static final String NS = "credentials";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @KubernetesTestServer
    KubernetesServer server;

    @InjectCredentialApi
    WireMockServer credentialApi;

    @ConfigProperty(name = "ambient.control-plane.credential-api.signing-key")
    String signingKey;

    @Test
    void downForAWhileThenBackCreatesThePodOnce() {
        KubernetesClient cluster = server.getClient();
        String project = "flaky";
        credentialApi.stubFor(get(urlPathEqualTo(CredentialApiPaths.resolveBindings(project)))
                .willReturn(aResponse().withStatus(503)));
        Sessions.create(cluster, Sessions.session(NS, "flaky", project));

        AgenticSessionStatus waiting = awaitStatus(cluster, "flaky",
                s -> reasonOf(s, SessionConditions.CREDENTIALS_RESOLVED).equals(SessionConditions.REASON_API_UNAVAILABLE));
        assertThat(waiting.getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(messageOf(waiting, SessionConditions.CREDENTIALS_RESOLVED)).contains("503");
        // Retried with backoff while down, and nothing created meanwhile.
        await().atMost(WAIT).until(() -> resolveCalls(project) >= 3);
        assertThat(Sessions.pod(cluster, NS, "flaky")).isNull();
        assertThat(Sessions.proofs(cluster, NS, "flaky")).isNull();

        // Now the connection itself fails: still waiting, same condition.
        credentialApi.stubFor(get(urlPathEqualTo(CredentialApiPaths.resolveBindings(project)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        int beforeReset = resolveCalls(project);
        await().atMost(WAIT).until(() -> resolveCalls(project) > beforeReset + 1);
        assertThat(messageOf(Sessions.fetch(cluster, NS, "flaky").getStatus(), SessionConditions.CREDENTIALS_RESOLVED))
                .contains("unreachable");
        assertThat(Sessions.pod(cluster, NS, "flaky")).isNull();

        // Back: the session proceeds.
        Sessions.stubResolve(credentialApi, project, Map.of("github", "cred-gh-flaky001"));
        await().atMost(WAIT).until(() -> Sessions.pod(cluster, NS, "flaky") != null);
        AgenticSessionStatus resolved = awaitStatus(cluster, "flaky", s -> s.getPodName() != null);
        assertThat(reasonOf(resolved, SessionConditions.CREDENTIALS_RESOLVED)).isEqualTo(SessionConditions.REASON_RESOLVED);
        assertThat(resolved.getCredentials()).containsExactly(Map.entry("github", "cred-gh-flaky001"));

        // No duplicate work: more reconciles (a spec change) do not call the API again or create anything else.
        int afterRecovery = resolveCalls(project);
        cluster.resources(AgenticSession.class).inNamespace(NS).withName("flaky").edit(s -> {
            s.getSpec().setTimeout("3h");
            return s;
        });
        await().atMost(WAIT).until(() -> Long.valueOf(2).equals(
                Sessions.fetch(cluster, NS, "flaky").getStatus().getObservedGeneration()));
        assertThat(resolveCalls(project)).isEqualTo(afterRecovery);
        assertThat(cluster.pods().inNamespace(NS).withLabel("ambient-code.io/project", project).list().getItems()).hasSize(1);
        assertThat(cluster.secrets().inNamespace(NS).withLabel("ambient-code.io/project", project).list().getItems())
                .hasSize(1);
    }

    @Test
    void forbiddenIsAConditionWithTheReasonAndNoPod() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubProblem(credentialApi, "denied", 403, "forbidden");
        Sessions.create(cluster, Sessions.session(NS, "denied", "denied"));

        AgenticSessionStatus status = awaitStatus(cluster, "denied",
                s -> reasonOf(s, SessionConditions.CREDENTIALS_RESOLVED).equals(SessionConditions.REASON_API_FORBIDDEN));
        assertThat(messageOf(status, SessionConditions.CREDENTIALS_RESOLVED)).contains("403", "forbidden")
                .doesNotContain("do-not-echo-this-detail");
        assertThat(status.getCredentials()).isNull();
        assertThat(status.getPhase()).isEqualTo(SessionPhase.Pending);
        await().during(Duration.ofSeconds(3)).atMost(WAIT)
                .until(() -> Sessions.pod(cluster, NS, "denied") == null && Sessions.proofs(cluster, NS, "denied") == null);
    }

    @Test
    void explicitCredentialsAreSentAndAnUnboundOneIsRefused() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubProblem(credentialApi, "explicit", 422, "credential_not_bound");
        AgenticSession session = Sessions.session(NS, "explicit", "explicit");
        session.getSpec().setAgent("triage");
        session.getSpec().setCredentials(List.of("cred-gh-explicit", "cred-jira-explicit"));
        Sessions.create(cluster, session);

        awaitStatus(cluster, "explicit",
                s -> reasonOf(s, SessionConditions.CREDENTIALS_RESOLVED).equals(SessionConditions.REASON_CREDENTIAL_NOT_BOUND));
        assertThat(Sessions.pod(cluster, NS, "explicit")).isNull();
        LoggedRequest request = credentialApi.findAll(getRequestedFor(urlPathEqualTo(
                CredentialApiPaths.resolveBindings("explicit")))).get(0);
        assertThat(request.queryParameter("agent").values()).containsExactly("triage");
        assertThat(request.queryParameter("credential").values()).containsExactly("cred-gh-explicit", "cred-jira-explicit");
    }

    @Test
    void theControlPlaneAuthenticatesWithItsOwnShortLivedJwt() throws Exception {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "signed", Map.of("google", "cred-goog-signed1"));
        Sessions.create(cluster, Sessions.session(NS, "signed", "signed"));
        await().atMost(WAIT).until(() -> Sessions.pod(cluster, NS, "signed") != null);

        LoggedRequest request = credentialApi.findAll(getRequestedFor(urlPathEqualTo(
                CredentialApiPaths.resolveBindings("signed")))).get(0);
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(Pem.publicKeyOf(Pem.parseRsaPrivateKey(signingKey)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(ControlPlaneClaims.ISSUER)
                .setExpectedAudience(ControlPlaneClaims.AUDIENCE)
                .setExpectedSubject(ControlPlaneClaims.SUBJECT)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build();
        JwtClaims claims = consumer.processToClaims(authorization.substring("Bearer ".length()));
        assertThat(claims.getStringClaimValue(ControlPlaneClaims.ROLE_CLAIM)).isEqualTo(ControlPlaneClaims.ROLE);
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isPositive().isLessThanOrEqualTo(ControlPlaneClaims.MAX_LIFETIME.toSeconds());
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        // It asks for ids and providers only: one GET on the resolve route, never a token route.
        assertThat(credentialApi.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                ".*/token")))).isEmpty();
        LogScan.assertNoneLogged(Leaks.secretsSeen(cluster, credentialApi, signingKey));
    }

    private int resolveCalls(String project) {
        return credentialApi.findAll(getRequestedFor(urlPathEqualTo(CredentialApiPaths.resolveBindings(project)))).size();
    }

    private static AgenticSessionStatus awaitStatus(KubernetesClient cluster, String name,
            java.util.function.Predicate<AgenticSessionStatus> condition) {
        return await().atMost(WAIT).until(() -> {
            AgenticSession s = Sessions.fetch(cluster, NS, name);
            return s == null ? null : s.getStatus();
        }, s -> s != null && condition.test(s));
    }

    private static String reasonOf(AgenticSessionStatus status, String type) {
        return Conditions.find(status.getConditions(), type).map(Condition::getReason).orElse("");
    }

    private static String messageOf(AgenticSessionStatus status, String type) {
        return Conditions.find(status.getConditions(), type).map(Condition::getMessage).orElse("");
    }
}
