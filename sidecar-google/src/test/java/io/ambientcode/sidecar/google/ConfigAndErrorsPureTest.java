package io.ambientcode.sidecar.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.google.client.GoogleErrorsAccess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigAndErrorsPureTest {

    record Config(String tokenUrl, String gmailUrl, String driveUrl, Duration renewBefore, List<String> scopes,
            List<String> readOnlyScopes, Duration assertionLifetime) implements GoogleConfig {
    }

    static Config config(String tokenUrl, Duration lifetime) {
        return new Config(tokenUrl, "https://gmail.googleapis.com", "http://127.0.0.1:9", Duration.ofSeconds(60),
                List.of(), List.of(), lifetime);
    }

    @Test
    void startupCheckNamesEveryBadProperty() {
        assertThat(GoogleConfigRules.problems(config("https://oauth2.googleapis.com/token", Duration.ofHours(1)))).isEmpty();
        assertThat(GoogleConfigRules.problems(config("http://tokens.example.com/token", Duration.ofHours(2))))
                .containsExactly("ambient.google.token-url must use https for a host outside loopback and the cluster: "
                        + "http://tokens.example.com/token", "ambient.google.assertion-lifetime must be between 1 s and 1 h");
        assertThat(GoogleConfigRules.problems(config("ftp://oauth2.googleapis.com/token", Duration.ofSeconds(1))))
                .containsExactly("ambient.google.token-url must use http or https: ftp://oauth2.googleapis.com/token");
        assertThat(GoogleConfigRules.problems(config("https://user:pw@oauth2.googleapis.com/token", Duration.ofHours(1))))
                .singleElement().asString().contains("user information").doesNotContain("pw");
    }

    @Test
    void googleErrorMessages() {
        assertThat(GoogleErrorsAccess.message("{\"error\":{\"message\":\"Not Found\",\"errors\":[{\"reason\":\"notFound\"}]}}"))
                .contains("Not Found (notFound)");
        assertThat(GoogleErrorsAccess.message("{\"error\":\"invalid_request\"}")).contains("invalid_request");
        assertThat(GoogleErrorsAccess.message("<html>")).isEmpty();
    }
}
