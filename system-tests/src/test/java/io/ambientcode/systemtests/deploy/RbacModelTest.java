package io.ambientcode.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.systemtests.deploy.RbacModel.Access;
import io.ambientcode.systemtests.support.Repository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The RBAC model the audit relies on, on the rendered dev overlay: what it allows and what it refuses. */
@Order(4)
class RbacModelTest {

    private static final String TS = "ambient-code/ambient-token-server";
    private static final String CP = "ambient-code/ambient-control-plane";
    private static final String API = "ambient-code/ambient-credential-api";

    @Test
    void requestsAreNamedTheWayRbacNamesThem() {
        assertThat(RbacModel.access("GET", "/api/v1/namespaces/ambient-code/secrets/ambient-cp-token-keypair"))
                .contains(new Access("ambient-code", "", "secrets", "get", "ambient-cp-token-keypair"));
        assertThat(RbacModel.access("GET", "/apis/ambient-code.io/v1alpha1/namespaces/s/agenticsessions?resourceVersion=0"))
                .contains(new Access("s", "ambient-code.io", "agenticsessions", "list", null));
        assertThat(RbacModel.access("GET", "/apis/ambient-code.io/v1alpha1/namespaces/s/agenticsessions?allowWatchBookmarks=true&watch=true"))
                .contains(new Access("s", "ambient-code.io", "agenticsessions", "watch", null));
        assertThat(RbacModel.access("PUT", "/apis/ambient-code.io/v1alpha1/namespaces/s/agenticsessions/a/status"))
                .contains(new Access("s", "ambient-code.io", "agenticsessions/status", "update", "a"));
        assertThat(RbacModel.access("POST", "/api/v1/namespaces/s/pods")).contains(new Access("s", "", "pods", "create", null));
        assertThat(RbacModel.access("GET", "/api/v1/secrets")).contains(new Access(null, "", "secrets", "list", null));
        assertThat(RbacModel.access("GET", "/api/v1/namespaces/s")).contains(new Access(null, "", "namespaces", "get", "s"));
        assertThat(RbacModel.access("GET", "/version")).isEmpty();
        assertThat(RbacModel.access("GET", "/apis")).isEmpty();
    }

    @Test
    void theRenderedOverlayAllowsExactlyWhatTheServicesNeed() throws Exception {
        RbacModel rbac = RbacModel.of(Kustomize.render(Repository.root().resolve("deploy/overlays/dev")), Map.of());
        // token server: its own keypair by name in its namespace; sessions and proofs in the session namespace.
        assertThat(rbac.allows(TS, new Access("ambient-code", "", "secrets", "get", "ambient-cp-token-keypair"))).isTrue();
        assertThat(rbac.allows(TS, new Access("ambient-code", "", "secrets", "create", null))).isTrue();
        assertThat(rbac.allows(TS, new Access("ambient-code", "", "secrets", "get", "ambient-credential-api-db"))).isFalse();
        assertThat(rbac.allows(TS, new Access("ambient-code", "", "secrets", "list", null))).isFalse();
        assertThat(rbac.allows(TS, new Access("ambient-sessions", "", "secrets", "get", "x-sidecar-proofs"))).isTrue();
        assertThat(rbac.allows(TS, new Access("ambient-sessions", "", "secrets", "list", null))).isFalse();
        assertThat(rbac.allows(TS, new Access("ambient-sessions", "ambient-code.io", "agenticsessions", "watch", null))).isTrue();
        assertThat(rbac.allows(TS, new Access(null, "ambient-code.io", "agenticsessions", "list", null))).as("cluster-wide").isFalse();
        assertThat(rbac.allows(TS, new Access("ambient-sessions", "", "pods", "create", null))).isFalse();
        // control plane: session namespace only, never its own.
        assertThat(rbac.allows(CP, new Access("ambient-sessions", "", "pods", "create", null))).isTrue();
        assertThat(rbac.allows(CP, new Access("ambient-code", "", "pods", "create", null))).isFalse();
        assertThat(rbac.allows(CP, new Access("ambient-sessions", "", "secrets", "get", "x"))).isFalse();
        assertThat(rbac.allows(CP, new Access("ambient-sessions", "ambient-code.io", "agenticsessions/status", "update", "a"))).isTrue();
        // credential API: nothing at all.
        for (Access a : List.of(new Access("ambient-code", "", "secrets", "get", "x"), new Access("ambient-sessions", "", "pods", "list", null))) {
            assertThat(rbac.allows(API, a)).isFalse();
        }
        assertThat(rbac.grantsOf(API)).isEmpty();
    }
}
