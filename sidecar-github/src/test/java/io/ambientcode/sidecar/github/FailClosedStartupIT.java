package io.ambientcode.sidecar.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.github.support.SidecarProcess;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.FakeCredentialApi;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 5, against the packaged sidecar as a real process: every required variable missing, and invalid values,
 * stop the process with a non-zero exit naming the variable before the HTTP port ever opens (I6); a credential API
 * that is down for 5 s at start is waited for with backoff and the sidecar becomes ready without a restart; a
 * permanent refusal (wrong proof) stops it with exit code 2.
 */
class FailClosedStartupIT {

    static FakeAmbient ambient;

    @BeforeAll
    static void fakes() throws Exception {
        ambient = new FakeAmbient("github", "ghp_" + java.util.UUID.randomUUID().toString().replace("-", ""),
                "http://127.0.0.1:9", 0);
    }

    @AfterAll
    static void stop() {
        ambient.close();
    }

    static Stream<String> required() {
        return Stream.of(SidecarEnv.SESSION_ID, SidecarEnv.CREDENTIAL_PROVIDER, SidecarEnv.CREDENTIAL_IDS,
                SidecarEnv.AMBIENT_API_URL, SidecarEnv.AMBIENT_CP_TOKEN_URL, SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY,
                SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(SidecarEnv.SESSION_ID, "bad id!"),
                Arguments.of(SidecarEnv.CREDENTIAL_PROVIDER, "jira"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{\"github\":\"cred-12345678\",\"jira\":\"cred-87654321\"}"),
                Arguments.of(SidecarEnv.AMBIENT_API_URL, "https://credentials.example.com"),
                Arguments.of(SidecarEnv.AMBIENT_CP_TOKEN_URL, "http://user:secret@token.ambient.svc/token"),
                Arguments.of(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
                Arguments.of(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, "/nonexistent/github"),
                Arguments.of(SidecarEnv.MCP_READ_ONLY, "sometimes"));
    }

    @ParameterizedTest
    @MethodSource("required")
    void aMissingVariableStopsTheSidecarBeforeThePortOpens(String variable) throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.remove(variable);
        assertFailsClosed(env, variable);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anInvalidVariableStopsTheSidecarBeforeThePortOpens(String variable, String value) throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(variable, value);
        assertFailsClosed(env, variable);
    }

    private static void assertFailsClosed(Map<String, String> env, String variable) throws Exception {
        try (SidecarProcess p = new SidecarProcess(env, List.of())) {
            int exit = p.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as(p.output()).isNotZero();
            assertThat(p.output()).contains("invalid environment: " + variable + ":");
            assertThat(p.portEverOpened()).as("HTTP port opened although the environment is invalid").isFalse();
            assertThat(p.output()).doesNotContain(ambient.proof);
        }
    }

    @Test
    void aCredentialApiDownForFiveSecondsIsWaitedForWithoutRestart() throws Exception {
        int apiPort = SidecarProcess.freePort();
        Map<String, String> env = ambient.env("http://127.0.0.1:" + apiPort);
        try (SidecarProcess p = new SidecarProcess(env, List.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> p.status("/q/health/live") == 200);
            long downUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < downUntil) {
                assertThat(p.status("/q/health/ready")).isEqualTo(503);
                assertThat(p.status("/q/health/live")).isEqualTo(200);
                Thread.sleep(250);
            }
            try (FakeCredentialApi api = new FakeCredentialApi(apiPort, ambient.tokenServer.signingPublicKey(),
                    ambient.credentialId, "github", "ghp_" + java.util.UUID.randomUUID().toString().replace("-", ""), null)) {
                await().atMost(Duration.ofSeconds(45)).until(() -> p.status("/q/health/ready") == 200);
                assertThat(p.process.isAlive()).isTrue();
                assertThat(p.output()).contains("fetch failed: unreachable (will retry)").contains("loaded");
            }
        }
    }

    @Test
    void refreshesBeforeTheSessionTokenExpiresAndFailsClosedWhenTheSessionEnds() throws Exception {
        try (FakeAmbient shortLived = new FakeAmbient("github", "ghp_" + java.util.UUID.randomUUID().toString().replace("-", ""),
                "http://127.0.0.1:9", 0)) {
            shortLived.tokenServer.setLifetime(Duration.ofSeconds(6));
            try (SidecarProcess p = new SidecarProcess(shortLived.env(), List.of())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> p.status("/q/health/ready") == 200);
                int exchanges = shortLived.tokenServer.exchanges();
                // 6 s tokens are refreshed about every 3 s, with no tool call or request involved
                await().atMost(Duration.ofSeconds(20)).until(() -> shortLived.tokenServer.exchanges() >= exchanges + 2);
                // each exchange is followed by a fetch with the new token (a moment later: wait for it, do not race it)
                await().atMost(Duration.ofSeconds(10)).until(() -> shortLived.credentialApi.fetches() >= exchanges + 2);

                shortLived.tokenServer.setActive(false);
                await().atMost(Duration.ofSeconds(20)).until(() -> p.status("/q/health/ready") == 503);
                assertThat(p.process.isAlive()).as("a running sidecar stays up (liveness) but holds no credential").isTrue();
                assertThat(p.status("/q/health/live")).isEqualTo(200);
                io.ambientcode.sidecar.github.support.McpClient mcp =
                        new io.ambientcode.sidecar.github.support.McpClient(p.baseUrl()).initialize();
                com.fasterxml.jackson.databind.JsonNode r = mcp.call("get_me", Map.of());
                assertThat(r.path("isError").asBoolean()).isTrue();
                assertThat(r.path("content").path(0).path("text").asText())
                        .startsWith("no credential available: exchange failed: HTTP 403 session_inactive");
            }
        }
    }

    @Test
    void aPermanentRefusalAtStartStopsTheSidecarWithExitCodeTwo() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        java.nio.file.Path wrong = java.nio.file.Files.createTempFile("proof", "");
        java.nio.file.Files.writeString(wrong, io.ambientcode.contracts.session.ProofSecret.newProof());
        env.put(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, wrong.toString());
        try (SidecarProcess p = new SidecarProcess(env, List.of())) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(p.output()).contains("invalid_proof (permanent)");
        }
    }
}
