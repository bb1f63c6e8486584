package io.ambientcode.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void registryMatchesArchitectureTable() {
        assertThat(Provider.GITHUB).extracting(Provider::id, Provider::containerName, Provider::port, Provider::mcpServerName)
                .containsExactly("github", "credential-github", 8091, "github");
        assertThat(Provider.JIRA).extracting(Provider::id, Provider::containerName, Provider::port, Provider::mcpServerName)
                .containsExactly("jira", "credential-jira", 8092, "jira");
        assertThat(Provider.KUBECONFIG).extracting(Provider::id, Provider::containerName, Provider::port, Provider::mcpServerName)
                .containsExactly("kubeconfig", "credential-k8s", 8093, "kubernetes");
        assertThat(Provider.GOOGLE).extracting(Provider::id, Provider::containerName, Provider::port, Provider::mcpServerName)
                .containsExactly("google", "credential-google", 8094, "google-workspace");
    }

    @Test
    void managementPortsAreSeparateFromMcpPorts() {
        assertThat(Provider.GITHUB.managementPort()).isEqualTo(9091);
        assertThat(Arrays.stream(Provider.values()).flatMap(p -> java.util.stream.Stream.of(p.port(), p.managementPort()))
                .distinct()).hasSize(2 * Provider.values().length);
    }

    @Test
    void portsAndContainerNamesAreUnique() {
        assertThat(Arrays.stream(Provider.values()).map(Provider::port).distinct()).hasSize(Provider.values().length);
        assertThat(Arrays.stream(Provider.values()).map(Provider::containerName).distinct()).hasSize(Provider.values().length);
    }

    @Test
    void unknownAndUnsupportedProvidersAreNotFound() {
        assertThat(Provider.byId("gitlab")).isEmpty();
        assertThat(Provider.byId("GITHUB")).isEmpty();
        assertThat(Provider.byId(null)).isEmpty();
        assertThat(Provider.byId("kubeconfig")).contains(Provider.KUBECONFIG);
        assertThat(Provider.GITHUB.localMcpUrl()).isEqualTo("http://localhost:8091/mcp");
    }

    @Test
    void gitlabIsStorableButHasNoSidecar() {
        assertThat(Provider.isSupported("gitlab")).isFalse();
        assertThat(Provider.storableShape("gitlab")).contains(CredentialShape.TOKEN);
        assertThat(Provider.storableShape("github")).contains(CredentialShape.GITHUB);
        assertThat(Provider.storableShape("vertex")).isEmpty();
        assertThat(Provider.storableShape(null)).isEmpty();
    }
}
