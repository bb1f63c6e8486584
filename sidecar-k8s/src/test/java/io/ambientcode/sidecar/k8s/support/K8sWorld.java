package io.ambientcode.sidecar.k8s.support;

import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarWorld;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the kubernetes sidecar talks to, started once for the module's one Quarkus test application: the token
 * server and credential API fakes (real protocol) delivering a kubeconfig that points at the target cluster (the
 * fabric8 mock API server in CRUD mode) with a token generated per run. The cluster is seeded with namespaces, pods,
 * an event, a Secret and the Widget custom resource definition.
 */
public final class K8sWorld extends SidecarWorld {

    /** The kubeconfig context's namespace: where calls without a namespace go. */
    public static final String HOME_NS = "team-a";
    public static final String OTHER_NS = "team-b";
    /** Denied in the test application: every call must be refused before a request is sent. */
    public static final String DENIED = "v1/ServiceAccount,rbac.authorization.k8s.io/v1";

    public static TargetCluster cluster;
    public static volatile String currentToken;
    /** The value stored in the seeded Secret: never shown while Secret values are masked. */
    public static final String SECRET_VALUE = "pw-" + UUID.randomUUID().toString().replace("-", "");

    public static String newKubeconfig(String token) {
        String doc = Kubeconfigs.withToken(cluster.url(), HOME_NS, token);
        secret(token);
        secret(doc);
        return doc;
    }

    @Override
    protected Map<String, String> startWorld() throws Exception {
        cluster = new TargetCluster();
        seed(cluster.admin());
        currentToken = Kubeconfigs.newToken();
        ambient = new FakeAmbient("kubeconfig", newKubeconfig(currentToken), null, 0);
        secret(SECRET_VALUE);
        secret(Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> config = new HashMap<>();
        config.put("ambient.k8s.denied-resources", DENIED);
        // the CRUD mock answers server-side apply with 404/415 (ARCHITECTURE.md section 2); SSA is in ToolFilteringIT
        config.put("ambient.k8s.server-side-apply", "false");
        config.put("ambient.k8s.retired-client-grace", "1s");
        config.put("ambient.sidecar.refresh.on-demand-min-interval", "0s");
        return config;
    }

    static void seed(NamespacedKubernetesClient admin) {
        for (String ns : new String[] { HOME_NS, OTHER_NS }) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                    .withNewStatus().withPhase("Active").endStatus().build()).create();
        }
        admin.pods().inNamespace(HOME_NS).resource(new PodBuilder().withNewMetadata().withName("web-1")
                .withNamespace(HOME_NS).addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus().build()).create();
        admin.pods().inNamespace(OTHER_NS).resource(new PodBuilder().withNewMetadata().withName("db-1")
                .withNamespace(OTHER_NS).addToLabels("app", "db").endMetadata()
                .withNewSpec().addNewContainer().withName("postgres").withImage("postgres:17").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build()).create();
        admin.v1().events().inNamespace(HOME_NS).resource(new EventBuilder().withNewMetadata().withName("web-1.backoff")
                .withNamespace(HOME_NS).endMetadata()
                .withType("Warning").withReason("BackOff").withMessage("Back-off restarting failed container app ")
                .withLastTimestamp("2026-01-02T03:04:05Z")
                .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withName("web-1").withNamespace(HOME_NS)
                .endInvolvedObject().build()).create();
        admin.secrets().inNamespace(HOME_NS).resource(new SecretBuilder().withNewMetadata().withName("db-credentials")
                .withNamespace(HOME_NS)
                .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration",
                        "{\"stringData\":{\"password\":\"" + SECRET_VALUE + "\"}}")
                .endMetadata()
                .addToData("password", Base64.getEncoder().encodeToString(SECRET_VALUE.getBytes(StandardCharsets.UTF_8)))
                .addToData("username", Base64.getEncoder().encodeToString("app".getBytes(StandardCharsets.UTF_8)))
                .build()).create();
        cluster.installWidgetCrd();
    }

    @Override
    protected void stopWorld() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
