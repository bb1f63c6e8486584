package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.jwt.UserClaims;
import io.ambientcode.contracts.local.LocalLayout;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The local profile's literals in application.properties agree with the shared layout in contracts. */
class LocalLayoutAlignmentTest {

    @Test
    void localProfileMatchesLocalLayout() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("ambient.data-dir")).isEqualTo("${" + LocalLayout.DATA_DIR_ENV + ":${user.home}/"
                + LocalLayout.DEFAULT_DATA_DIR_NAME + "}");
        assertThat(p.getProperty("%local.quarkus.http.host")).isEqualTo(LocalLayout.LOOPBACK);
        assertThat(p.getProperty("%local.quarkus.http.port")).isEqualTo(String.valueOf(LocalLayout.CREDENTIAL_API_PORT));
        assertThat(p.getProperty("%local.ambient.auth.users.issuer")).isEqualTo(UserClaims.LOCAL_DEV_ISSUER);
        assertThat(p.getProperty("%local.ambient.auth.users.public-key-location"))
                .isEqualTo("${ambient.data-dir}/" + LocalLayout.DEV_ISSUER_PUBLIC_KEY);
        assertThat(p.getProperty("%local.ambient.auth.control-plane.public-key-location"))
                .isEqualTo("${ambient.data-dir}/" + LocalLayout.CONTROL_PLANE_PUBLIC_KEY);
        assertThat(p.getProperty("%local.ambient.auth.session.jwks-url"))
                .isEqualTo(LocalLayout.url(LocalLayout.TOKEN_SERVER_PORT) + "/.well-known/jwks.json");
        assertThat(p.getProperty("quarkus.datasource.embedded.jdbc.url"))
                .startsWith("jdbc:h2:file:${ambient.data-dir}/" + LocalLayout.DATABASE_DIR + "/");
    }
}
