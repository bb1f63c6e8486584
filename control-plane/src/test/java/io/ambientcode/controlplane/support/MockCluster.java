package io.ambientcode.controlplane.support;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.kubernetes.client.KubernetesServerTestResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fabric8 mock API server in CRUD mode (what {@code @WithKubernetesTestServer(crud = true)} starts), with the
 * AgenticSession CRD generated in {@code contracts} installed before the application (and so the operator) starts,
 * so the mock serves the status subresource and generations like a cluster.
 *
 * <p>Used through {@code @WithTestResource(scope = MATCHING_RESOURCES)} rather than {@code @WithKubernetesTestServer}:
 * the latter is restricted to its class, which makes Quarkus restart the application for every test class; with
 * matching scope every operator test class shares one application and one mock cluster.
 */
public class MockCluster extends KubernetesServerTestResource {

    public static final String CRD_RESOURCE = "/META-INF/fabric8/agenticsessions.ambient-code.io-v1.yml";

    @Override
    protected void configureServer() {
        super.configureServer();
        server.getClient().apiextensions().v1().customResourceDefinitions().resource(crd()).create();
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
}
