package io.ambientcode.systemtests.resilience;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the shared {@link ResilienceWorld} before the first scenario and stops it (printing the table) at the end. */
public final class ResilienceWorldExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        root.getOrComputeIfAbsent(ResilienceWorldExtension.class, k -> {
            ResilienceWorld.get();
            return (AutoCloseable) ResilienceWorld::shutdown;
        }, AutoCloseable.class);
    }
}
