package io.ambientcode.sidecar.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.FakeCredentialApi;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import io.ambientcode.sidecar.testing.TestKeys;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime's start-up contract (ARCHITECTURE.md section 7, I6), proven once for every sidecar against a sidecar
 * packaged like theirs and run as real processes: this module's runtime plus a minimal provider module
 * ({@link MinimalModule}, {@link MinimalTools}), built by {@link QuarkusProdModeTest}.
 * <ul>
 * <li>each required variable missing, and each kind of invalid value, stops the process with a non-zero exit naming
 * the variable before the MCP or management port ever opens (every rule of every variable is also
 * {@code SidecarEnvironmentTest}'s, directly); so does a provider configuration problem, in the runtime's words;</li>
 * <li>a credential API down for 5 s at start is waited for with backoff, and the sidecar becomes ready without a
 * restart; a credential the provider cannot use keeps readiness down with the reason until the user fixes it;</li>
 * <li>a permanent refusal (wrong proof) at start exits with code 2; short-lived session tokens are refreshed on
 * schedule, and a session that ends makes the running sidecar not ready with a clear tool error;</li>
 * <li>the tool policy through the real MCP surface: read-only mode, disable-destructive with allow- and deny-lists.</li>
 * </ul>
 * Each sidecar keeps only its own process-level proofs (its settings, its read-only tool set).
 */
class StartupContractIT {

    static final String APPLICATION = String.join("\n",
            "quarkus.application.name=minimal-sidecar",
            "quarkus.mcp.server.server-info.name=minimal",
            "quarkus.http.host=127.0.0.1");

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> {
                // the runtime itself (this module's main classes and its defaults), then the minimal provider
                jar.as(ExplodedImporter.class).importDirectory("target/classes");
                jar.delete("META-INF/jandex.idx");
                jar.addClasses(MinimalModule.class, MinimalTools.class)
                        .addAsResource(new StringAsset(APPLICATION), "application.properties");
            })
            .setApplicationName("minimal-sidecar").setApplicationVersion("0")
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults build;

    static FakeAmbient ambient;

    @BeforeAll
    static void fakes() throws Exception {
        ambient = new FakeAmbient("github", token(), "http://127.0.0.1:9", 0);
    }

    @AfterAll
    static void stop() {
        ambient.close();
    }

    static String token() {
        return "ghp_" + UUID.randomUUID().toString().replace("-", "");
    }

    SidecarLauncher launch(Map<String, String> env) throws Exception {
        return SidecarLauncher.builder().env(env).jar(build.getBuiltArtifactPath()).start();
    }

    static Stream<String> required() {
        return Stream.of(SidecarEnv.SESSION_ID, SidecarEnv.CREDENTIAL_PROVIDER, SidecarEnv.CREDENTIAL_IDS,
                SidecarEnv.AMBIENT_API_URL, SidecarEnv.AMBIENT_CP_TOKEN_URL, SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY,
                SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE);
    }

    /** One value per kind of rule (pattern, provider, JSON shape, URL policy, key, proof file, booleans, names). */
    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(SidecarEnv.SESSION_ID, "bad id!"),
                Arguments.of(SidecarEnv.CREDENTIAL_PROVIDER, "jira"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{\"github\":\"cred-12345678\",\"jira\":\"cred-87654321\"}"),
                Arguments.of(SidecarEnv.AMBIENT_API_URL, "https://credentials.example.com"),
                Arguments.of(SidecarEnv.AMBIENT_CP_TOKEN_URL, "http://user:secret@token.ambient.svc/token"),
                Arguments.of(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, Pem.toSpkiPem(TestKeys.signing().getPublic())),
                Arguments.of(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, "/nonexistent/github"),
                Arguments.of(SidecarEnv.MCP_READ_ONLY, "sometimes"),
                Arguments.of(SidecarEnv.MCP_DISABLE_DESTRUCTIVE, "1"),
                Arguments.of(SidecarEnv.MCP_TOOLS, "whoami,bad name"));
    }

    @ParameterizedTest
    @MethodSource("required")
    void aMissingVariableStopsTheSidecarBeforeAPortOpens(String variable) throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.remove(variable);
        assertFailsClosed(env, "invalid environment: " + variable + ":");
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anInvalidVariableStopsTheSidecarBeforeAPortOpens(String variable, String value) throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(variable, value);
        assertFailsClosed(env, "invalid environment: " + variable + ":");
    }

    @Test
    void aProviderConfigurationProblemStopsTheSidecarBeforeAPortOpens() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put("MINIMAL_BROKEN", "true");
        assertFailsClosed(env, "refusing to start the github sidecar: invalid configuration: minimal.broken is set");
    }

    private void assertFailsClosed(Map<String, String> env, String expected) throws Exception {
        try (SidecarLauncher p = launch(env)) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.output()).isNotZero();
            assertThat(p.output()).contains(expected);
            assertThat(p.portEverOpened()).as("a port opened although the start-up contract is broken").isFalse();
            assertThat(p.output()).doesNotContain(ambient.proof);
        }
    }

    @Test
    void aCredentialApiDownForFiveSecondsIsWaitedForWithoutRestart() throws Exception {
        int apiPort = SidecarLauncher.freePort();
        try (SidecarLauncher p = launch(ambient.env("http://127.0.0.1:" + apiPort))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> p.status("/q/health/live") == 200);
            long downUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < downUntil) {
                assertThat(p.status("/q/health/ready")).isEqualTo(503);
                assertThat(p.status("/q/health/live")).isEqualTo(200);
                Thread.sleep(250);
            }
            try (FakeCredentialApi api = new FakeCredentialApi(apiPort, ambient.tokenServer.signingPublicKey(),
                    ambient.credentialId, "github", token(), null)) {
                await().atMost(Duration.ofSeconds(45)).until(() -> p.status("/q/health/ready") == 200);
                assertThat(p.process.isAlive()).isTrue();
                assertThat(p.output()).contains("fetch failed: unreachable (will retry)").contains("loaded");
            }
        }
    }

    @Test
    void aCredentialTheProviderCannotUseKeepsReadinessDownWithTheReasonUntilItIsFixed() throws Exception {
        String unusable = MinimalModule.UNUSABLE_PREFIX + token();
        String usable = token();
        try (FakeAmbient own = new FakeAmbient("github", unusable, "http://127.0.0.1:9", 0);
                SidecarLauncher p = launch(own.env())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> p.status("/q/health/live") == 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> readiness(p).contains("cannot be used"));
            assertThat(readiness(p)).contains("credential " + own.credentialId + " cannot be used: the token is marked "
                    + "unusable (will retry)");
            assertThat(p.status("/q/health/ready")).isEqualTo(503);
            McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
            assertThat(McpHttpClient.text(mcp.call("whoami", Map.of())))
                    .startsWith("no credential available: credential " + own.credentialId + " cannot be used");

            own.credentialApi.rotate(usable);
            await().atMost(Duration.ofSeconds(45)).until(() -> p.status("/q/health/ready") == 200);
            assertThat(McpHttpClient.text(mcp.call("whoami", Map.of()))).isEqualTo("credential " + own.credentialId);
            assertThat(p.output()).doesNotContain(unusable).doesNotContain(usable).doesNotContain(own.proof);
        }
    }

    @Test
    void refreshesBeforeTheSessionTokenExpiresAndFailsClosedWhenTheSessionEnds() throws Exception {
        try (FakeAmbient shortLived = new FakeAmbient("github", token(), "http://127.0.0.1:9", 0)) {
            shortLived.tokenServer.setLifetime(Duration.ofSeconds(6));
            try (SidecarLauncher p = launch(shortLived.env())) {
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
                JsonNode r = new McpHttpClient(p.baseUrl()).initialize().call("whoami", Map.of());
                assertThat(McpHttpClient.isError(r)).isTrue();
                assertThat(McpHttpClient.text(r)).startsWith("no credential available: exchange failed: HTTP 403 session_inactive");
            }
        }
    }

    @Test
    void aPermanentRefusalAtStartStopsTheSidecarWithExitCodeTwo() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        Path wrong = Files.createTempFile("proof", "");
        Files.writeString(wrong, ProofSecret.newProof());
        env.put(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, wrong.toString());
        try (SidecarLauncher p = launch(env)) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(p.output()).contains("invalid_proof (permanent)");
        }
    }

    @Test
    void readOnlyModeHidesEveryWriteAndRefusesItByName() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(SidecarEnv.MCP_READ_ONLY, "true");
        try (SidecarLauncher p = launch(env).awaitReady(Duration.ofSeconds(60))) {
            McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
            assertThat(mcp.toolNames()).containsExactlyInAnyOrder("whoami", "refresh_credentials");
            for (String write : new String[] { "make_note", "erase_note" }) {
                assertThat(mcp.callRaw(write, Map.of()).path("error").path("message").asText()).as(write)
                        .contains("Invalid tool name");
            }
        }
    }

    /** The modes win over the allow-list; the deny-list wins over the allow-list; anything not allowed is hidden. */
    @Test
    void disableDestructiveAndTheNameListsFilterTogether() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(SidecarEnv.MCP_DISABLE_DESTRUCTIVE, "true");
        env.put(SidecarEnv.MCP_TOOLS, "whoami,make_note,erase_note");
        env.put(SidecarEnv.MCP_EXCLUDE_TOOLS, "whoami");
        try (SidecarLauncher p = launch(env).awaitReady(Duration.ofSeconds(60))) {
            McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
            assertThat(mcp.toolNames()).containsExactly("make_note");
            assertThat(McpHttpClient.text(mcp.call("make_note", Map.of()))).isEqualTo("noted");
            for (String hidden : new String[] { "erase_note", "whoami", "refresh_credentials" }) {
                assertThat(mcp.callRaw(hidden, Map.of()).path("error").path("message").asText()).as(hidden)
                        .contains("Invalid tool name");
            }
        }
    }

    static String readiness(SidecarLauncher p) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(p.managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
