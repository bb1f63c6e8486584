package io.ambientcode.credentialapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.jwt.UserClaims;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.credentialapi.store.Database;
import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.Sessions;
import io.ambientcode.credentialapi.support.Shared;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Local mode boots on the embedded database with the same Flyway migrations, generates its development encryption
 * key in the data directory, accepts the development user issuer, and serves the whole credential round trip.
 */
@QuarkusTest
@TestProfile(LocalModeProfile.class)
class LocalModeTest {

    @Inject
    Database db;

    @Test
    void embeddedDatabaseServesTheWholeRoundTrip() throws Exception {
        Path dataDir = Path.of(Shared.get(LocalModeEnvironment.DATA_DIR));
        String project = Fixtures.unique("local");
        String user = Jwts.user(Fixtures.unique("dev"), "project:" + project + ":admin")
                .claim("iss", UserClaims.LOCAL_DEV_ISSUER).mint();

        Api.anonymous().get("/q/health/ready").then().statusCode(200);
        Api.as(user).get(Api.BASE + "/whoami").then().statusCode(200);
        Api.as(Jwts.user("someone").mint()).get(Api.BASE + "/whoami").then().statusCode(401);

        String token = Fixtures.jiraToken();
        String id = Fixtures.createCredential(user, Map.of("name", "jira-local", "provider", "jira", "token", token,
                "url", "https://jira.local.test"));
        Fixtures.bind(user, project, id, null);
        Api.as(Jwts.controlPlane().mint()).get(Api.resolve(project)).then().statusCode(200)
                .body("credentials[0].credential_id", org.hamcrest.Matchers.equalTo(id));
        assertThat(Sessions.readPayload(project, "jira", id).token()).isEqualTo(token);

        // The embedded database, migrated by Flyway, holds the envelope.
        String[] row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT token FROM credentials WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new String[] { c.getMetaData().getDatabaseProductName(), rs.getString(1) };
                }
            }
        });
        assertThat(row[0]).isEqualTo("H2");
        assertThat(row[1]).startsWith("enc:v1:").doesNotContain(token);
        long migrations = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(migrations).isPositive();
        assertThat(dataDir.resolve(LocalLayout.DATABASE_DIR).resolve("credential-api.mv.db")).exists();

        // The development key: created by the service, owner-only, 32 bytes.
        Path key = dataDir.resolve(LocalLayout.ENCRYPTION_KEY);
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
    }
}
