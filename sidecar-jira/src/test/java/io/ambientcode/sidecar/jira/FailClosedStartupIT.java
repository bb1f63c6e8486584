package io.ambientcode.sidecar.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * I6 against the packaged jira sidecar as a real process: a missing or invalid variable (the runtime's contract, and
 * the jira-specific read-only spellings) stops it with a non-zero exit naming the variable before any port opens; a
 * permanent refusal at the first exchange stops it with exit code 2.
 */
class FailClosedStartupIT {

    static FakeAmbient ambient;

    @BeforeAll
    static void fakes() throws Exception {
        ambient = new FakeAmbient("jira", "jt" + UUID.randomUUID(), "http://127.0.0.1:9", 0);
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
                Arguments.of(SidecarEnv.CREDENTIAL_PROVIDER, "github"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{\"github\":\"cred-12345678\"}"),
                Arguments.of(SidecarEnv.MCP_READ_ONLY, "sometimes"),
                Arguments.of(ReadOnlySpellings.JIRA_READ_ONLY_MODE, "perhaps"),
                Arguments.of(ReadOnlySpellings.READ_ONLY_MODE, "2"));
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
        try (SidecarLauncher p = new SidecarLauncher(env)) {
            int exit = p.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as(p.output()).isNotZero();
            assertThat(p.output()).contains("invalid environment: " + variable + ":");
            assertThat(p.portEverOpened()).as("a port opened although the environment is invalid").isFalse();
            assertThat(p.output()).doesNotContain(ambient.proof);
        }
    }

    @Test
    void aPermanentRefusalAtStartStopsTheSidecarWithExitCodeTwo() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        Path wrong = Files.createTempFile("proof", "");
        Files.writeString(wrong, ProofSecret.newProof());
        env.put(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, wrong.toString());
        try (SidecarLauncher p = new SidecarLauncher(env)) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(p.output()).contains("invalid_proof (permanent)");
        }
    }
}
