package io.ambientcode.sidecar.k8s.support;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The target cluster of the tests: the fabric8 mock API server in CRUD mode (expectations, where a test records one,
 * win over CRUD: logs, exec, a one-off 401). Every request it receives is recorded, so tests assert what the sidecar
 * sent (method, path, Authorization). {@link #admin()} is the test's own client for seeding data; the sidecar never
 * uses it: it builds its own from the kubeconfig credential.
 */
public final class TargetCluster implements AutoCloseable {

    /** What the API server received. */
    public record Request(String method, String path, String authorization, String contentType, String body) {
    }

    public final KubernetesMockServer server;
    public final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final NamespacedKubernetesClient admin;

    public TargetCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
        Dispatcher recording = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(new Request(request.getMethod(), request.getPath(), request.getHeader("Authorization"),
                        request.getHeader("Content-Type"), body(request)));
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                recording, false);
        server.start(InetAddress.getLoopbackAddress(), 0);
        admin = server.createClient();
    }

    /** The body without consuming it (the CRUD dispatcher reads it after us). */
    private static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public String url() {
        return server.url("/").replaceAll("/+$", "");
    }

    public NamespacedKubernetesClient admin() {
        return admin;
    }

    /** Requests whose path starts with the given prefix. */
    public List<Request> requestsTo(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Registers the Widget custom resource (example.com/v1, plural widgets, namespaced). */
    public void installWidgetCrd() {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("widgets.example.com").endMetadata()
                .withNewSpec().withGroup("example.com").withScope("Namespaced")
                .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").withListKind("WidgetList")
                .endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema()
                .endVersion()
                .endSpec().build();
        admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }

    @Override
    public void close() {
        admin.close();
        server.shutdown();
    }
}
