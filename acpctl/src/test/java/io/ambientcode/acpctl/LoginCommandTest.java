package io.ambientcode.acpctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ambientcode.acpctl.auth.TokenInput;
import io.ambientcode.acpctl.support.CliTestBase;
import io.ambientcode.acpctl.support.Leaks;
import io.ambientcode.acpctl.support.Run;
import io.ambientcode.acpctl.support.TestWorld;
import io.ambientcode.contracts.jwt.UserClaims;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** {@code acpctl login}: the local development issuer and stored OIDC tokens; tokens never on argv or stdout. */
@QuarkusTest
class LoginCommandTest extends CliTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the credential API's local profile does with these tokens: verify with the dev issuer's public key. */
    static JwtClaims verifyAsCredentialApi(String token) throws Exception {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(UserClaims.LOCAL_DEV_ISSUER)
                .setExpectedAudience(UserClaims.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireSubject()
                .setVerificationKey(TestWorld.devPublicKey())
                .build();
        return consumer.processToClaims(token);
    }

    String storedToken(String context) throws Exception {
        return YAML.readTree(world.configText()).path("contexts").path(context).path("token").asText(null);
    }

    @Test
    void localLoginMintsAVerifiableShortLivedUserToken() throws Exception {
        world.withDevIssuerKey();
        assertThat(cli.run("config", "set", "local", "--data-dir", world.dataDir.toString()).exitCode()).isZero();
        Run r = cli.run("login", "--project", "demo", "--group", "ops");
        assertThat(r.exitCode()).as(r.toString()).isZero();

        String token = storedToken("local");
        JwtClaims claims = verifyAsCredentialApi(token);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue(UserClaims.GROUPS))
                .containsExactly("ops", "project:demo", "project:demo:admin", "ambient:platform-admins");
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isEqualTo(Duration.ofHours(1).toSeconds());
        assertThat(claims.getJwtId()).isNotBlank();

        assertThat(r.out()).startsWith("context:      local\nuser:         alice\n")
                .contains("groups:       ops,project:demo,project:demo:admin,ambient:platform-admins");
        Leaks.assertNotPrinted(token, cli.runs());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(world.configFile))).isEqualTo("rw-------");

        // What the context shows: who and until when, never the token.
        Run view = cli.run("config", "view", "-o", "json");
        assertThat(JSON.readTree(view.out()).path("user").asText()).isEqualTo("alice");
        assertThat(view.out()).doesNotContain(token);
    }

    @Test
    void localLoginOptions() throws Exception {
        world.withDevIssuerKey();
        cli.run("config", "set", "local", "--data-dir", world.dataDir.toString(), "--platform-admin-group", "admins");
        Run r = cli.run("login", "--user", "bob", "--ttl", "10m", "-o", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.path("user").asText()).isEqualTo("bob");
        assertThat(out.path("groups")).extracting(JsonNode::asText).containsExactly("admins");
        JwtClaims claims = verifyAsCredentialApi(storedToken("local"));
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(600);

        Run noAdmin = cli.run("login", "--no-platform-admin", "--project", "p1", "-o", "json");
        assertThat(JSON.readTree(noAdmin.out()).path("groups")).extracting(JsonNode::asText)
                .containsExactly("project:p1", "project:p1:admin");

        Run tooLong = cli.run("login", "--ttl", "13h");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).isEqualTo("error: --ttl must be between 1m and 12h\n");

        Run tokenSource = cli.run("login", "--token-stdin");
        assertThat(tokenSource.exitCode()).isEqualTo(2);
        assertThat(world.terminal.stdinReads()).as("a local login never reads a token").isZero();
    }

    @Test
    void localLoginWithoutTheDevIssuerKeySaysRunUpFirst() {
        cli.run("config", "set", "local", "--data-dir", world.dataDir.toString());
        Run r = cli.run("login");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("error: no development issuer key at " + world.dataDir.resolve("dev-issuer.pem")
                + ": run acpctl up first\n");
    }

    @Test
    void clusterLoginStoresATokenFromStdinOrFileAndNeverPrintsIt() throws Exception {
        cli.run("config", "set", "prod", "--credential-api-url", "https://ambient.example.com", "--use");
        String token = TestWorld.oidcToken("carol@example.com", Instant.now().plusSeconds(3600));
        world.terminal.stdin(token + "\n");
        Run stdin = cli.run("login", "--token-stdin");
        assertThat(stdin.exitCode()).as(stdin.toString()).isZero();
        assertThat(stdin.out()).contains("context:      prod", "user:         carol@example.com", "groups:       project:team-a");
        assertThat(storedToken("prod")).as("trailing newline removed").isEqualTo(token);

        String second = TestWorld.oidcToken("dave@example.com", Instant.now().plusSeconds(600));
        Run file = cli.run("login", "--token-file", world.file("oidc.jwt", second).toString(), "-o", "json");
        assertThat(file.exitCode()).isZero();
        assertThat(JSON.readTree(file.out()).path("user").asText()).isEqualTo("dave@example.com");
        assertThat(storedToken("prod")).isEqualTo(second);

        world.terminal.answer(token);
        Run prompt = cli.run("login", "--token-prompt");
        assertThat(prompt.exitCode()).isZero();
        assertThat(world.terminal.prompts()).containsExactly("OIDC token for context prod: ");

        Leaks.assertNotPrinted(token, cli.runs());
        Leaks.assertNotPrinted(second, cli.runs());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(world.configFile))).isEqualTo("rw-------");
    }

    @Test
    void aTokenOnArgvIsRefusedWithTheReasonAndNeverEchoed() throws Exception {
        cli.run("config", "set", "prod", "--credential-api-url", "https://ambient.example.com", "--use");
        String before = world.configText();
        String token = TestWorld.oidcToken("mallory", Instant.now().plusSeconds(3600));
        for (List<String> args : List.of(List.of("login", "--token", token), List.of("login", "--token=" + token),
                List.of("login", "--token"), List.of("login", "--token", token, "--token-stdin"))) {
            Run r = cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args.toString()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("error: " + TokenInput.ARGV_REFUSAL + " (see: acpctl login --help)\n");
            assertThat(r.out()).isEmpty();
        }
        Leaks.assertNotPrinted(token, cli.runs());
        assertThat(world.configText()).isEqualTo(before);
        assertThat(world.terminal.stdinReads()).isZero();
    }

    @Test
    void clusterLoginRefusesWhatIsNotAUsableToken() {
        cli.run("config", "set", "prod", "--credential-api-url", "https://ambient.example.com", "--use");
        world.terminal.stdin("not-a-jwt");
        Run notJwt = cli.run("login", "--token-stdin");
        assertThat(notJwt.exitCode()).isEqualTo(2);
        assertThat(notJwt.err()).isEqualTo("error: the token is not a JWT (three base64url parts)\n");

        world.terminal.stdin(TestWorld.oidcToken("carol", Instant.now().minusSeconds(60)));
        Run expired = cli.run("login", "--token-stdin");
        assertThat(expired.exitCode()).isEqualTo(2);
        assertThat(expired.err()).startsWith("error: the token expired at ");

        world.terminal.stdin("");
        Run empty = cli.run("login", "--token-stdin");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("error: no token on standard input\n");

        Run noTerminal = cli.run("login");
        assertThat(noTerminal.exitCode()).isEqualTo(2);
        assertThat(noTerminal.err()).isEqualTo(
                "error: no token given and no terminal for a hidden prompt: use --token-stdin or --token-file\n");

        Run missingFile = cli.run("login", "--token-file", tmp.resolve("nope").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);

        Run localOptions = cli.run("login", "--user", "x");
        assertThat(localOptions.exitCode()).isEqualTo(2);
        assertThat(world.configText()).doesNotContain("token:");
    }
}
