package io.ambientcode.controlplane;

import io.ambientcode.controlplane.local.SessionStore;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types this module reads or writes with its own ObjectMapper (not through a REST signature, which Quarkus registers by
 * itself), so a native image keeps their constructors and accessors. The contracts wire types are registered by
 * contracts itself (META-INF/native-image/io.ambientcode/contracts/reflect-config.json); the AgenticSession model by the
 * Kubernetes client extension.
 */
@RegisterForReflection(targets = { SessionStore.ProcessRecord.class })
final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
