package io.ambientcode.controlplane.support;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Prepares the mock API server before the application (and so the operator) starts: installs the AgenticSession CRD
 * generated in {@code contracts}, so the mock serves the status subresource and generations like a cluster.
 */
public class MockCluster implements Consumer<KubernetesServer> {

    public static final String CRD_RESOURCE = "/META-INF/fabric8/agenticsessions.ambient-code.io-v1.yml";

    @Override
    public void accept(KubernetesServer server) {
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
