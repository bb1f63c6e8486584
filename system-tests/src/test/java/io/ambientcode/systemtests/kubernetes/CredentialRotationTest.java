package io.ambientcode.systemtests.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import io.ambientcode.systemtests.kubernetes.harness.SidecarContainer;
import io.ambientcode.systemtests.kubernetes.providers.ProviderScenario;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * I7: the user rotates a credential in the credential API (PATCH token); the upstream accepts only the new value from
 * then on; the runner calls {@code refresh_credentials}; the same sidecar process (never restarted) answers with the
 * new credential.
 */
@Order(110)
@ExtendWith(KubernetesPathExtension.class)
class CredentialRotationTest {

    private final KubernetesPath path = KubernetesPath.get();

    @TestFactory
    Stream<DynamicTest> rotationReachesTheLiveSidecar() {
        return path.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.provider().id(), () -> rotate(s)));
    }

    private void rotate(ProviderScenario s) {
        Summary.record(Kind.FLOW, s.provider().id() + " rotation", "PATCH token, refresh_credentials, new token used, no restart", () -> {
            String owner = path.alice().subject();
            String credentialId = path.aliceCredentials().get(s.provider());
            SidecarContainer sidecar = path.alpha().sidecar(s.provider()).orElseThrow();
            McpClient mcp = new Runner(path.alpha()).mcp(s.provider());
            assertThat(s.whoAmI(mcp)).isEqualTo(owner);

            Map<String, Object> patch = s.rotate(owner);
            Http.Response patched = path.alice().patch(credentialId, patch);
            assertThat(patched.status()).as("PATCH %s", patched.body()).isEqualTo(200);
            assertThat(patched.json().has("token")).as("the token is write-only").isFalse();
            assertThat(patched.json().path("token_set_at").asText()).isNotBlank();

            JsonNode refreshed = mcp.call("refresh_credentials", Map.of());
            assertThat(McpClient.isError(refreshed)).as("refresh_credentials: %s", McpClient.text(refreshed)).isFalse();
            assertThat(McpClient.text(refreshed)).contains("refreshed").contains(credentialId);

            assertThat(s.whoAmI(mcp)).isEqualTo(owner);
            assertThat(s.lastCredentialSeenUpstream()).as("the upstream got the rotated credential")
                    .isEqualTo(s.expectedUpstreamCredential(owner));
            assertThat(sidecar.process().isAlive()).as("same process, not restarted").isTrue();
            return "rotated " + credentialId.substring(0, 8) + "…, upstream sees the new value";
        });
    }
}
