package io.ambientcode.systemtests.kubernetes.harness;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The fabric8 mock API server in CRUD mode over plain HTTP on loopback: the "cluster" the services talk to, or the
 * cluster a kubeconfig credential points at. It records the Authorization header of every request, so a test can show
 * which credential reached it.
 */
public final class MockCluster implements AutoCloseable {

    /** User-Agent of the harness's own client. */
    public static final String HARNESS_AGENT = "system-tests-harness";

    /** One request the API server received: who sent it (User-Agent), method and path with query. */
    public record ApiRequest(String userAgent, String method, String path) {
    }

    /** The mock logs every request at INFO; kept referenced so the level sticks. */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
    private final Queue<ApiRequest> requests = new ConcurrentLinkedQueue<>();
    /** When set, only these Authorization values are served; anything else gets 401 like a real API server. */
    private volatile java.util.Set<String> acceptedAuthorizations;

    private MockCluster() {
        KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher(List.of()) {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String authorization = request.getHeader("Authorization");
                String agent = request.getHeader("User-Agent");
                requests.add(new ApiRequest(agent == null ? "" : agent, request.getMethod(), request.getPath()));
                authorizations.add(authorization == null ? "" : authorization);
                java.util.Set<String> accepted = acceptedAuthorizations;
                if (accepted != null && (authorization == null || !accepted.contains(authorization))) {
                    return new MockResponse().setResponseCode(401).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                            + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
                }
                return super.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        // The harness's own client says who it is, so the RBAC audit can tell its requests from the services'.
        client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl(url()).withTrustCerts(true).withNamespace("default").withUserAgent(HARNESS_AGENT)
                        .build()).build();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public static MockCluster start() {
        return new MockCluster();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public KubernetesClient client() {
        return client;
    }

    /** Every request received so far, oldest first. */
    public List<ApiRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every Authorization header received so far ("" for none), oldest first. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** From now on, serve only requests carrying one of these Authorization values (seed the cluster first). */
    public MockCluster requireAuthorization(java.util.Set<String> accepted) {
        this.acceptedAuthorizations = accepted;
        return this;
    }

    public MockCluster withCrd(byte[] crdYaml) {
        CustomResourceDefinition crd = Serialization.unmarshal(new ByteArrayInputStream(crdYaml), CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        return this;
    }

    public MockCluster withNamespaces(Map<String, Map<String, String>> namespaces) {
        namespaces.forEach((name, labels) -> client.namespaces()
                .resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build())
                .create());
        return this;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
