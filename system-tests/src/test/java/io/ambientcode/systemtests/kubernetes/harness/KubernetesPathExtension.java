package io.ambientcode.systemtests.kubernetes.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the shared {@link KubernetesPath} before the first test class that uses it and closes it (printing the summary
 * table) when the whole test run ends: the root context's store closes its resources last.
 */
public final class KubernetesPathExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        root.getOrComputeIfAbsent(KubernetesPathExtension.class, k -> {
            KubernetesPath.get();
            return (AutoCloseable) KubernetesPath::shutdown;
        }, AutoCloseable.class);
    }
}
