package io.ambientcode.sidecar.k8s.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeniedResourcesTest {

    static final DeniedResources DENIED = DeniedResources.parse(List.of("v1/Secret", " /v1/ConfigMap ",
            "rbac.authorization.k8s.io/v1", "apps/*/Deployment", "example.com/v1/Widget", ""));

    @ParameterizedTest
    @CsvSource({
            "v1, Secret, true", "v1, secret, true", "v1, ConfigMap, true", "v1, Pod, false",
            "rbac.authorization.k8s.io/v1, ClusterRole, true", "rbac.authorization.k8s.io/v1beta1, Role, false",
            "apps/v1, Deployment, true", "apps/v1beta2, Deployment, true", "apps/v1, StatefulSet, false",
            "example.com/v1, Widget, true", "example.com/v2, Widget, false", "other.com/v1, Widget, false" })
    void matchesGroupVersionKind(String apiVersion, String kind, boolean denied) {
        assertThat(DENIED.denies(Gvk.of(apiVersion, kind))).isEqualTo(denied);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Secret", "a/b/c/d", "v1/", "/v1", "apps/v1/Deploy-ment", "Apps/v1/Deployment", "apps/version1/X" })
    void malformedEntriesAreRefusedNamingTheEntry(String entry) {
        assertThatThrownBy(() -> DeniedResources.parse(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + entry.strip() + "' is not group/version/kind (e.g. v1/Secret, "
                        + "rbac.authorization.k8s.io/v1/ClusterRole)");
    }

    @Test
    void theRefusalIsAToolErrorNamingActionAndKind() {
        assertThatThrownBy(() -> DENIED.check(Gvk.of("v1", "Secret"), "get"))
                .isInstanceOf(DeniedResourceException.class)
                .hasMessage("resource not allowed: get of v1 Secret is denied by this sidecar's configuration "
                        + "(ambient.k8s.denied-resources)");
        DENIED.check(Gvk.of("v1", "Pod"), "get");
        assertThat(DeniedResources.none().denies(Gvk.of("v1", "Secret"))).isFalse();
    }

    @Test
    void gvkParsing() {
        assertThat(Gvk.of("v1", "Pod")).isEqualTo(new Gvk("", "v1", "Pod"));
        assertThat(Gvk.of("apps/v1", "Deployment").apiVersion()).isEqualTo("apps/v1");
        assertThat(Gvk.of("v1", "secret").isCoreSecret()).isTrue();
        assertThat(Gvk.of("example.com/v1", "Secret").isCoreSecret()).isFalse();
        for (String bad : new String[] { "", "a/b/c", "/v1", "v1/", "V1", "apps v1" }) {
            assertThatThrownBy(() -> Gvk.of(bad, "Pod")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Gvk.of("v1", "Pod/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gvk.of("v1", null)).hasMessage("kind is required (e.g. Pod, ConfigMap, Deployment)");
    }
}
