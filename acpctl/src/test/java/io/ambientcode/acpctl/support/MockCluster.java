package io.ambientcode.acpctl.support;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fabric8 mock API server in CRUD mode with the AgenticSession CRD generated in contracts, plus a kubeconfig
 * file pointing at it, so acpctl reaches it exactly as it reaches a real cluster: through a kubeconfig context.
 */
public final class MockCluster implements AutoCloseable {

    public static final String CRD_RESOURCE = "/META-INF/fabric8/agenticsessions.ambient-code.io-v1.yml";
    /** The kubeconfig context acpctl is pointed at; its namespace is {@value #NAMESPACE}. */
    public static final String KUBE_CONTEXT = "mock-admin";
    public static final String NAMESPACE = "team-a";

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient admin;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        admin = server.createClient();
        admin.apiextensions().v1().customResourceDefinitions().resource(crd()).create();
    }

    public static CustomResourceDefinition crd() {
        try (InputStream in = MockCluster.class.getResourceAsStream(CRD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("generated CRD not on the classpath: " + CRD_RESOURCE);
            }
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's own client (the "control plane"): reads what acpctl wrote, writes status. */
    public NamespacedKubernetesClient admin() {
        return admin;
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A kubeconfig with two contexts: {@value #KUBE_CONTEXT} (namespace team-a) and "other" (current, no namespace). */
    public String kubeconfig(String bearer) {
        return "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: mock\n  cluster:\n    server: " + url() + "\n"
                + "contexts:\n"
                + "- name: " + KUBE_CONTEXT + "\n  context:\n    cluster: mock\n    user: tester\n    namespace: " + NAMESPACE + "\n"
                + "- name: other\n  context:\n    cluster: mock\n    user: tester\n"
                + "current-context: other\n"
                + "users:\n- name: tester\n  user:\n    token: " + bearer + "\n";
    }

    public AgenticSession session(String namespace, String name) {
        return admin.resources(AgenticSession.class).inNamespace(namespace).withName(name).get();
    }

    /** What the control plane would do: set the session's status. */
    public void setStatus(String namespace, String name, Consumer<AgenticSessionStatus> change) {
        AgenticSession s = session(namespace, name);
        AgenticSessionStatus status = s.getStatus() == null ? new AgenticSessionStatus() : s.getStatus();
        change.accept(status);
        s.setStatus(status);
        admin.resources(AgenticSession.class).inNamespace(namespace).resource(s).updateStatus();
    }

    public void deleteAll() {
        admin.resources(AgenticSession.class).inAnyNamespace().delete();
    }


    @Override
    public void close() {
        admin.close();
        server.destroy();
    }
}
