package io.ambientcode.sidecar.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SidecarEnvironmentTest {

    static final String PROOF = ProofSecret.newProof();
    static Path proofFile;
    Map<String, String> env;

    @BeforeEach
    void validEnv() throws IOException {
        if (proofFile == null) {
            proofFile = Files.createTempFile("proof", "");
            Files.writeString(proofFile, PROOF + "\n");
        }
        env = new HashMap<>();
        env.put(SidecarEnv.SESSION_ID, "0b1c2d3e-aaaa-bbbb-cccc-0123456789ab");
        env.put(SidecarEnv.CREDENTIAL_PROVIDER, "github");
        env.put(SidecarEnv.CREDENTIAL_IDS, "{\"github\":\"cred-12345678\"}");
        env.put(SidecarEnv.AMBIENT_API_URL, "http://credential-api.ambient.svc:8080");
        env.put(SidecarEnv.AMBIENT_CP_TOKEN_URL, "http://token-server.ambient.svc.cluster.local:8080/token");
        env.put(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, Pem.toSpkiPem(TestKeys.exchange().getPublic()));
        env.put(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, proofFile.toString());
    }

    SidecarEnvironment parse() {
        return SidecarEnvironment.parse(n -> Optional.ofNullable(env.get(n)), Provider.GITHUB);
    }

    @Test
    void acceptsTheContractAndReadsTheProofFile() {
        env.put(SidecarEnv.MCP_READ_ONLY, "true");
        env.put(SidecarEnv.MCP_TOOLS, "get_me, list_issues");
        env.put(SidecarEnv.MCP_EXCLUDE_TOOLS, "delete_file");
        env.put(SidecarEnv.MCP_DISABLE_DESTRUCTIVE, "TRUE");
        SidecarEnvironment e = parse();
        assertThat(e.disableDestructive()).isTrue();
        assertThat(e.credentialId()).isEqualTo("cred-12345678");
        assertThat(e.proof()).isEqualTo(PROOF);
        assertThat(e.readOnly()).isTrue();
        assertThat(e.allowedTools()).containsExactlyInAnyOrder("get_me", "list_issues");
        assertThat(e.excludedTools()).containsExactly("delete_file");
        assertThat(e.credentialTokenUrl().toString())
                .isEqualTo("http://credential-api.ambient.svc:8080/api/ambient/v1/credentials/cred-12345678/token");
        assertThat(e.toString()).doesNotContain(PROOF);
    }

    static Stream<Arguments> badValues() {
        String k = SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY;
        return Stream.of(
                Arguments.of(SidecarEnv.SESSION_ID, "short"),
                Arguments.of(SidecarEnv.SESSION_ID, "has space in it"),
                Arguments.of(SidecarEnv.CREDENTIAL_PROVIDER, "jira"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "not json"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "[\"github\"]"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{}"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{\"github\":\"cred-12345678\",\"jira\":\"cred-87654321\"}"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{\"jira\":\"cred-87654321\"}"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{\"github\":42}"),
                Arguments.of(SidecarEnv.CREDENTIAL_IDS, "{\"github\":\"../../etc\"}"),
                Arguments.of(SidecarEnv.AMBIENT_API_URL, "ftp://credential-api.ambient.svc"),
                Arguments.of(SidecarEnv.AMBIENT_API_URL, "http://user:pw@credential-api.ambient.svc"),
                Arguments.of(SidecarEnv.AMBIENT_API_URL, "https://api.example.com"),
                Arguments.of(SidecarEnv.AMBIENT_API_URL, "http://10.0.0.1:8080"),
                Arguments.of(SidecarEnv.AMBIENT_CP_TOKEN_URL, "http://x.svc.evil.com/token"),
                Arguments.of(SidecarEnv.AMBIENT_CP_TOKEN_URL, "not a url"),
                Arguments.of(k, "garbage"),
                Arguments.of(k, Pem.toSpkiPem(TestKeys.signing().getPublic())),
                Arguments.of(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, "/nonexistent/proof"),
                Arguments.of(SidecarEnv.AMBIENT_ALLOW_EXTERNAL_API, "yes"),
                Arguments.of(SidecarEnv.MCP_READ_ONLY, "maybe"),
                Arguments.of(SidecarEnv.MCP_DISABLE_DESTRUCTIVE, "1"),
                Arguments.of(SidecarEnv.MCP_TOOLS, "get_me,bad name"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void namesTheInvalidVariable(String variable, String value) {
        env.put(variable, value);
        assertThatThrownBy(this::parse).isInstanceOfSatisfying(InvalidEnvironmentException.class,
                e -> assertThat(e.variable()).isEqualTo(variable));
    }

    @ParameterizedTest
    @MethodSource("requiredNames")
    void namesTheMissingVariable(String variable) {
        env.remove(variable);
        assertThatThrownBy(this::parse).isInstanceOfSatisfying(InvalidEnvironmentException.class,
                e -> assertThat(e.variable()).isEqualTo(variable));
        env.put(variable, "  ");
        assertThatThrownBy(this::parse).isInstanceOfSatisfying(InvalidEnvironmentException.class,
                e -> assertThat(e.variable()).isEqualTo(variable));
    }

    static Stream<String> requiredNames() {
        return Stream.of(SidecarEnv.SESSION_ID, SidecarEnv.CREDENTIAL_PROVIDER, SidecarEnv.CREDENTIAL_IDS,
                SidecarEnv.AMBIENT_API_URL, SidecarEnv.AMBIENT_CP_TOKEN_URL, SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY,
                SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE);
    }

    @Test
    void theModesAreOffUnlessSet() {
        SidecarEnvironment e = parse();
        assertThat(e.readOnly()).isFalse();
        assertThat(e.disableDestructive()).isFalse();
        assertThat(e.allowedTools()).isEmpty();
        assertThat(e.excludedTools()).isEmpty();
    }

    @Test
    void externalApiNeedsTheSwitchAndHttps() {
        env.put(SidecarEnv.AMBIENT_API_URL, "https://api.example.com");
        env.put(SidecarEnv.AMBIENT_ALLOW_EXTERNAL_API, "true");
        // contracts' UrlPolicy then wants https for every non-loopback host, cluster services included
        env.put(SidecarEnv.AMBIENT_CP_TOKEN_URL, "https://token.example.com/token");
        assertThat(parse().apiUrl().getHost()).isEqualTo("api.example.com");
        env.put(SidecarEnv.AMBIENT_API_URL, "http://api.example.com");
        assertThatThrownBy(this::parse).isInstanceOf(InvalidEnvironmentException.class);
    }

    @Test
    void aProofFileWithGarbageIsRefusedWithoutEchoingIt() throws IOException {
        Path bad = Files.createTempFile("proof", "");
        Files.writeString(bad, "not a proof!! secret-ish");
        env.put(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, bad.toString());
        assertThatThrownBy(this::parse).hasMessageNotContaining("secret-ish");
    }
}
