package io.ambientcode.credentialapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.credentialapi.crypto.Keyring;
import io.ambientcode.credentialapi.crypto.TokenEnvelope;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.TestDb;
import io.ambientcode.credentialapi.support.TestKeys;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The re-encryption command through the application's real entry point ({@code CredentialApiMain} with arguments
 * {@code reencrypt ...}), as {@code java -jar quarkus-run.jar reencrypt} runs it: dry run, batches, counts,
 * idempotent rerun, per-row failures, usage errors, and the start-up refusal when a row's key version is unknown.
 */
@QuarkusMainTest
@TestProfile(CommandLineProfile.class)
class ReencryptCommandMainTest {

    @Test
    void reencryptMovesEveryRowToTheCurrentVersion(QuarkusMainLauncher launcher) throws Exception {
        CommandLineEnvironment.prepare();
        TokenEnvelope v1 = new TokenEnvelope(Keyring.of(Map.of(1, TestKeys.encryptionKeyBytes(1)), 1));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            String id = "00000000-0000-7000-8000-00000000000" + i;
            String token = Fixtures.githubToken();
            tokens.put(id, token);
            insert(id, v1.seal(token, id));
        }
        String broken = "00000000-0000-7000-8000-0000000000aa";
        insert(broken, "not-an-envelope");

        // Dry run: counts only; the malformed row is reported by id (never by value) and makes the exit code 1.
        LaunchResult dry = launcher.launch("reencrypt", "--dry-run");
        assertThat(dry.exitCode()).as(all(dry)).isEqualTo(1);
        assertThat(dry.getOutput()).contains("6 scanned, 5 would re-encrypt to v2, 0 already on v2",
                broken + ": cannot open (malformed)", "1 failed");
        assertThat(all(dry)).doesNotContain("not-an-envelope");
        assertThat(TestDb.count("SELECT COUNT(*) FROM " + CommandLineEnvironment.SCHEMA
                + ".credentials WHERE token LIKE 'enc:v1:%'")).as("a dry run changes nothing").isEqualTo(5);
        delete(broken);

        // The real run, in batches of two.
        LaunchResult run = launcher.launch("reencrypt", "--batch-size", "2");
        assertThat(run.exitCode()).as(all(run)).isZero();
        assertThat(run.getOutput()).contains("batch 1: 2 scanned", "batch 3: 1 scanned",
                "5 scanned, 5 re-encrypted to v2, 0 already on v2", "(3 batch(es))");
        TokenEnvelope both = new TokenEnvelope(Keyring.of(Map.of(1, TestKeys.encryptionKeyBytes(1),
                2, TestKeys.encryptionKeyBytes(2)), 2));
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            String stored = stored(e.getKey());
            assertThat(stored).startsWith("enc:v2:");
            assertThat(both.open(stored, e.getKey())).isEqualTo(e.getValue());
        }

        // A row under a version no configured key opens: the application refuses to start at all.
        insert("00000000-0000-7000-8000-0000000000bb", "enc:v9:" + stored(tokens.keySet().iterator().next()).substring(7));
        LaunchResult refused = launcher.launch("reencrypt");
        assertThat(refused.exitCode()).as("start-up refuses rows no key opens").isNotZero();
        assertThat(all(refused)).contains("key version(s) [9]").doesNotContain("re-encrypted");
        delete("00000000-0000-7000-8000-0000000000bb");

        for (String token : tokens.values()) {
            assertThat(all(dry) + all(run) + all(refused)).doesNotContain(token);
        }
    }

    private static String all(LaunchResult r) {
        return r.getOutput() + "\n" + r.getErrorOutput();
    }

    private static void insert(String id, String sealed) throws SQLException {
        try (Connection c = TestDb.connect(CommandLineEnvironment.SCHEMA);
                PreparedStatement ps = c.prepareStatement("INSERT INTO credentials (id, owner_subject, name, provider,"
                        + " metadata, token, token_set_at, created_at, updated_at, version)"
                        + " VALUES (?, 'cli-owner', ?, 'github', '{}', ?, ?, ?, ?, 1)")) {
            OffsetDateTime now = OffsetDateTime.now();
            ps.setString(1, id);
            ps.setString(2, "n" + id.substring(id.length() - 4));
            ps.setString(3, sealed);
            ps.setObject(4, now);
            ps.setObject(5, now);
            ps.setObject(6, now);
            ps.executeUpdate();
        }
    }

    private static void delete(String id) throws SQLException {
        try (Connection c = TestDb.connect(CommandLineEnvironment.SCHEMA);
                PreparedStatement ps = c.prepareStatement("DELETE FROM credentials WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static String stored(String id) throws SQLException {
        try (Connection c = TestDb.connect(CommandLineEnvironment.SCHEMA);
                PreparedStatement ps = c.prepareStatement("SELECT token FROM credentials WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
