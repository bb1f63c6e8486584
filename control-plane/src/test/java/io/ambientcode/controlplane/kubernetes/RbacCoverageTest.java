package io.ambientcode.controlplane.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.controlplane.support.ControlPlaneTestResources;
import io.ambientcode.controlplane.support.InjectCredentialApi;
import io.ambientcode.controlplane.support.MockCluster;
import io.ambientcode.controlplane.support.PodStatuses;
import io.ambientcode.controlplane.support.Sessions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, measured: every request the control plane made to the API server during the test run (told apart
 * by its user agent) is allowed by the ClusterRole configured for the generated manifests, and every verb the role
 * grants was used, except {@code patch} on pods, which only server-side apply in a real cluster uses.
 */
@QuarkusTest
@WithTestResource(value = MockCluster.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ControlPlaneTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RbacCoverageTest {

    private static final Logger LOG = Logger.getLogger(RbacCoverageTest.class);
    private static final String NS = "rbac";
    private static final String ROLE_PREFIX = "quarkus.kubernetes.rbac.cluster-roles.ambient-control-plane.policy-rules.";
    /** Granted but exercised only by server-side apply, which the mock API server does not implement. */
    static final Set<String> SSA_ONLY = Set.of("/pods:patch");

    @KubernetesTestServer
    KubernetesServer server;

    @InjectCredentialApi
    WireMockServer credentialApi;

    @Test
    void everyRequestIsGrantedAndEveryGrantIsUsed() throws Exception {
        KubernetesClient cluster = server.getClient();
        // A whole life: created, running, spec changed, stopped.
        Sessions.stubResolve(credentialApi, "rbac", Map.of("github", "cred-gh-rbac0001"));
        Sessions.create(cluster, Sessions.session(NS, "whole-life", "rbac"));
        Pod pod = await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.pod(cluster, NS, "whole-life"), p -> p != null);
        pod.setStatus(PodStatuses.ready(pod));
        cluster.pods().resource(pod).updateStatus();
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.fetch(cluster, NS, "whole-life").getStatus().getPhase()
                == SessionPhase.Running);
        cluster.resources(AgenticSession.class).inNamespace(NS).withName("whole-life").edit(s -> {
            s.getSpec().setStop(true);
            return s;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> Sessions.fetch(cluster, NS, "whole-life").getStatus().getPhase()
                == SessionPhase.Stopped && Sessions.pod(cluster, NS, "whole-life") == null
                && Sessions.proofs(cluster, NS, "whole-life") == null);

        Set<String> used = new TreeSet<>();
        int ours = 0;
        RecordedRequest request;
        while ((request = server.getKubernetesMockServer().takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
            if (ClientIdentity.USER_AGENT.equals(request.getHeader("User-Agent"))) {
                ours++;
                used.add(permission(request.getMethod(), request.getPath()));
            }
        }
        Set<String> granted = granted(ConfigProvider.getConfig());
        LOG.infof("control-plane requests: %d; permissions used: %s; granted: %s", ours, used, granted);

        assertThat(ours).as("requests sent with the control plane's user agent").isPositive();
        assertThat(granted).as("RBAC rules configured for the generated manifests").isNotEmpty();
        assertThat(used).as("permissions used but not granted").isSubsetOf(granted);
        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        assertThat(unused).as("permissions granted but never used").isSubsetOf(SSA_ONLY);
    }

    /** {@code group/resource:verb}, as RBAC sees the request. */
    static String permission(String method, String rawPath) {
        URI uri = URI.create(rawPath);
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        List<String> parts = List.of(uri.getPath().replaceFirst("^/", "").split("/"));
        String group;
        int i;
        if (parts.get(0).equals("api")) {
            group = "";
            i = 2;
        } else {
            group = parts.get(1);
            i = 3;
        }
        if (parts.size() > i && parts.get(i).equals("namespaces") && parts.size() > i + 2) {
            i += 2;
        }
        String resource = parts.get(i);
        boolean named = parts.size() > i + 1;
        if (parts.size() > i + 2) {
            resource = resource + "/" + parts.get(i + 2);
        }
        String verb = switch (method) {
            case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return group + "/" + resource + ":" + verb;
    }

    static Set<String> granted(Config config) {
        Set<String> rules = new LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ROLE_PREFIX) && name.endsWith(".verbs")) {
                String rule = name.substring(ROLE_PREFIX.length(), name.length() - ".verbs".length());
                List<String> groups = config.getOptionalValues(ROLE_PREFIX + rule + ".api-groups", String.class)
                        .orElse(List.of(""));
                List<String> resources = config.getValues(ROLE_PREFIX + rule + ".resources", String.class);
                List<String> verbs = config.getValues(name, String.class);
                for (String g : groups) {
                    for (String r : resources) {
                        for (String v : verbs) {
                            rules.add(g + "/" + r + ":" + v);
                        }
                    }
                }
            }
        }
        return rules;
    }
}
