package io.ambientcode.sidecar.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * I6 against the packaged google sidecar as a real process: Google endpoints that would send credential material over
 * plain http to a foreign host or over another scheme, and an assertion lifetime beyond Google's hour, stop it with a
 * non-zero exit naming every bad setting, before any port opens. Each rule on its own is
 * {@code ConfigAndErrorsPureTest}'s; the runtime's start-up contract (every session variable, the credential API down
 * at start, a permanent refusal) is proven once by sidecar-runtime's {@code StartupContractIT}.
 */
class FailClosedStartupIT {

    @Test
    void badGoogleSettingsStopTheSidecarBeforeAPortOpensNamingEachOne() throws Exception {
        try (FakeAmbient ambient = new FakeAmbient("google", GoogleWorld.authorizedUser(), null, 0)) {
            Map<String, String> env = new HashMap<>(ambient.env());
            env.put("AMBIENT_GOOGLE_TOKEN_URL", "http://tokens.example.com/token");
            env.put("AMBIENT_GOOGLE_DRIVE_URL", "ftp://drive.example.com");
            env.put("AMBIENT_GOOGLE_ASSERTION_LIFETIME", "2h");
            try (SidecarLauncher p = new SidecarLauncher(env)) {
                assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.output()).isNotZero();
                assertThat(p.output()).contains("refusing to start the google sidecar: invalid configuration: ")
                        .contains("ambient.google.token-url must use https")
                        .contains("ambient.google.drive-url must use http or https")
                        .contains("ambient.google.assertion-lifetime must be between 1 s and 1 h");
                assertThat(p.portEverOpened()).as("a port opened although the configuration is invalid").isFalse();
                assertThat(p.output()).doesNotContain(ambient.proof);
                for (String secret : GoogleWorld.SECRETS) {
                    assertThat(p.output()).doesNotContain(secret);
                }
            }
        }
    }
}
