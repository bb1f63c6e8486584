package io.ambientcode.sidecar.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * I6 against the packaged google sidecar as a real process: a missing or invalid variable, or a Google endpoint that
 * would send credential material over plain http to a foreign host, stops it with a non-zero exit naming the problem
 * before any port opens; a permanent refusal at the first exchange stops it with exit code 2.
 */
class FailClosedStartupIT {

    static FakeAmbient ambient;
    static String credential;

    @BeforeAll
    static void fakes() throws Exception {
        credential = GoogleWorld.authorizedUser();
        ambient = new FakeAmbient("google", credential, null, 0);
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
                Arguments.of(SidecarEnv.CREDENTIAL_PROVIDER, "jira", "invalid environment: CREDENTIAL_PROVIDER:"),
                Arguments.of(SidecarEnv.MCP_READ_ONLY, "sometimes", "invalid environment: MCP_READ_ONLY:"),
                Arguments.of("AMBIENT_GOOGLE_TOKEN_URL", "http://tokens.example.com/token",
                        "invalid configuration: ambient.google.token-url must use https"),
                Arguments.of("AMBIENT_GOOGLE_DRIVE_URL", "ftp://drive.example.com",
                        "invalid configuration: ambient.google.drive-url must use http or https"),
                Arguments.of("AMBIENT_GOOGLE_ASSERTION_LIFETIME", "2h",
                        "invalid configuration: ambient.google.assertion-lifetime must be between 1 s and 1 h"));
    }

    @ParameterizedTest
    @MethodSource("required")
    void aMissingVariableStopsTheSidecarBeforeThePortOpens(String variable) throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.remove(variable);
        assertFailsClosed(env, "invalid environment: " + variable + ":");
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anInvalidSettingStopsTheSidecarBeforeThePortOpens(String variable, String value, String expected) throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(variable, value);
        assertFailsClosed(env, expected);
    }

    private static void assertFailsClosed(Map<String, String> env, String expected) throws Exception {
        try (SidecarLauncher p = new SidecarLauncher(env)) {
            int exit = p.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as(p.output()).isNotZero();
            assertThat(p.output()).contains(expected);
            assertThat(p.portEverOpened()).as("a port opened although the start-up contract is broken").isFalse();
            assertThat(p.output()).doesNotContain(ambient.proof);
            for (String secret : GoogleWorld.secrets) {
                assertThat(p.output()).doesNotContain(secret);
            }
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
