package io.ambientcode.systemtests.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.systemtests.deploy.Kustomize;
import io.ambientcode.systemtests.deploy.RbacModel;
import io.ambientcode.systemtests.deploy.RbacModel.Access;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.kubernetes.harness.MockCluster;
import io.ambientcode.systemtests.kubernetes.harness.MockCluster.ApiRequest;
import io.ambientcode.systemtests.kubernetes.harness.Services;
import io.ambientcode.systemtests.support.Repository;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Least privilege as deployed: every request the token server and the control plane made to the API server during the
 * whole run (start, sessions, rotation, stop) is allowed by the RBAC that {@code kubectl kustomize deploy/overlays/dev}
 * renders for their ServiceAccounts, in the namespace where it was made. A request the deployment would refuse (a
 * missing verb, a Secret outside the token server's keypair, anything cluster-wide) fails here, not in a cluster.
 */
@Order(155)
@ExtendWith(KubernetesPathExtension.class)
class RbacAuditTest {

    private static final String TOKEN_SERVER = Services.SERVICES_NAMESPACE + "/ambient-token-server";
    private static final String CONTROL_PLANE = Services.SERVICES_NAMESPACE + "/ambient-control-plane";

    private final KubernetesPath path = KubernetesPath.get();

    @Test
    void everyRequestOfTheServicesIsAllowedByTheDeployedRbac() throws Exception {
        Summary.record(Kind.CHECK, "RBAC as deployed", "every API request of the services allowed by deploy/ RBAC", () -> {
            List<JsonNode> objects = Kustomize.render(Repository.root().resolve("deploy/overlays/dev"));
            // ambient-bootstrap (KeyBootstrapTest) is a second session namespace, bound like ambient-sessions.
            RbacModel rbac = RbacModel.of(objects, Map.of("ambient-bootstrap", Services.SESSIONS_NAMESPACE));
            List<Access> tokenServer = new ArrayList<>();
            List<Access> controlPlane = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (ApiRequest r : path.services().cluster().requests()) {
                var access = RbacModel.access(r.method(), r.path());
                if (access.isEmpty() || r.userAgent().equals(MockCluster.HARNESS_AGENT)) {
                    continue;
                }
                if (r.userAgent().startsWith("ambient-control-plane")) {
                    controlPlane.add(access.get());
                } else if (r.userAgent().startsWith("fabric8-kubernetes-client")) {
                    tokenServer.add(access.get());
                } else {
                    unknown.add(r.userAgent() + " " + r.method() + " " + r.path());
                }
            }
            assertThat(unknown).as("requests from an unexpected client").isEmpty();
            assertThat(tokenServer).as("the token server used the API").isNotEmpty();
            assertThat(controlPlane).as("the control plane used the API").isNotEmpty();
            List<Access> deniedTokenServer = tokenServer.stream().filter(a -> !rbac.allows(TOKEN_SERVER, a)).toList();
            List<Access> deniedControlPlane = controlPlane.stream().filter(a -> !rbac.allows(CONTROL_PLANE, a)).toList();
            assertThat(RbacModel.describe(deniedTokenServer)).as("token server requests its RBAC does not allow").isEmpty();
            assertThat(RbacModel.describe(deniedControlPlane)).as("control plane requests its RBAC does not allow").isEmpty();
            return "token server " + tokenServer.size() + " requests (" + RbacModel.describe(tokenServer).size()
                    + " kinds), control plane " + controlPlane.size() + " (" + RbacModel.describe(controlPlane).size()
                    + " kinds): all allowed";
        });
    }
}
