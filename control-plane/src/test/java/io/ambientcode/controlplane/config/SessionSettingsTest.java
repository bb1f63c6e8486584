package io.ambientcode.controlplane.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.controlplane.support.TestKeys;
import io.fabric8.kubernetes.api.model.Quantity;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up validation (invariant I6): a bad value stops the service with the property named. */
class SessionSettingsTest {

    private static final String P = "ambient.control-plane.";
    private static final String KEY = Pem.toSpkiPem(TestKeys.rsa(3072).getPublic());

    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put(P + "credential-api.url", "http://ambient-credential-api.ambient-code.svc:8080");
        m.put(P + "token-server.url", "http://ambient-token-server.ambient-code.svc:8080/token");
        m.put(P + "token-server.public-key", KEY);
        m.put(P + "sidecars.images.github", "quay.io/x/github:1");
        return m;
    }

    private static SessionSettings settings(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ControlPlaneConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
        return new SessionSettings(config.getConfigMapping(ControlPlaneConfig.class));
    }

    @Test
    void defaultsMatchTheArchitecture() {
        SessionSettings s = settings(base());
        assertThat(s.plan().images()).containsOnlyKeys(Provider.GITHUB);
        assertThat(s.plan().tokenServerConfigured()).isTrue();
        assertThat(s.plan().sidecarApiUrl()).isEqualTo("http://ambient-credential-api.ambient-code.svc:8080");
        assertThat(s.pod().sidecarResources().getRequests()).containsEntry("cpu", new Quantity("50m"))
                .containsEntry("memory", new Quantity("128Mi"));
        assertThat(s.pod().sidecarResources().getLimits()).containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("256Mi"));
        assertThat(s.pod().sidecarTmpSize()).isEqualTo("10Mi");
        assertThat(s.pod().runnerDefaultResources()).isEmpty();
        assertThat(s.crashLoopRestartLimit()).isEqualTo(5);
    }

    @Test
    void missingTokenServerIsAllowedAndGatesSidecars() {
        Map<String, String> m = base();
        m.remove(P + "token-server.url");
        assertThat(settings(m).plan().tokenServerConfigured()).isFalse();
    }

    @Test
    void badValuesStopStartUpWithThePropertyNamed() {
        Map<String, String[]> cases = Map.of(
                "sidecars.images.gitlab", new String[] {"quay.io/x/gitlab:1", "sidecars.images.gitlab"},
                "token-server.url", new String[] {"https://token.example.com/token", "token-server.url"},
                "token-server.public-key", new String[] {"not a pem", "token-server.public-key"},
                "sidecars.api-url", new String[] {"http://user:pw@api.ambient.svc", "sidecars.api-url"},
                "sidecars.requests-cpu", new String[] {"lots", "sidecars.requests-cpu"},
                "sidecars.image-pull-policy", new String[] {"Sometimes", "sidecars.image-pull-policy"},
                "sidecars.crash-loop-restart-limit", new String[] {"0", "sidecars.crash-loop-restart-limit"});
        cases.forEach((property, valueAndName) -> {
            Map<String, String> m = base();
            m.put(P + property, valueAndName[0]);
            assertThatThrownBy(() -> settings(m)).as(property).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(P + valueAndName[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
        });
    }

    @Test
    void anExchangeKeyTheSidecarsWouldRefuseStopsStartUp() {
        Map<String, String> m = base();
        m.put(P + "token-server.public-key", Pem.toSpkiPem(TestKeys.rsa(2048).getPublic()));
        assertThatThrownBy(() -> settings(m)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(P + "token-server.public-key").hasMessageContaining("2048 bits");
    }

    @Test
    void externalApiUrlsNeedTheExplicitSwitchAndHttps() {
        Map<String, String> m = base();
        m.put(P + "sidecars.api-url", "https://credentials.example.com");
        assertThatThrownBy(() -> settings(m)).hasMessageContaining("sidecars.api-url");
        m.put(P + "sidecars.allow-external-api", "true");
        assertThat(settings(m).plan().allowExternalApi()).isTrue();
        // The sidecars' own rule (UrlPolicy): outside loopback and the cluster, https only.
        m.put(P + "token-server.url", "http://token.example.com/token");
        assertThatThrownBy(() -> settings(m)).hasMessageContaining("token-server.url").hasMessageContaining("https");
    }
}
