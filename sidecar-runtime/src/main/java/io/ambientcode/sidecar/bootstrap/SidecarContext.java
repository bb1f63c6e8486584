package io.ambientcode.sidecar.bootstrap;

import jakarta.inject.Singleton;

/**
 * Holds the validated environment once {@link EnvironmentValidator} accepted it. Beans that need the session contract
 * read it here; nothing reads the raw variables elsewhere.
 */
@Singleton
public class SidecarContext {

    private volatile SidecarEnvironment environment;

    void accept(SidecarEnvironment env) {
        this.environment = env;
    }

    /** The validated environment; throws if asked before validation (a programming error). */
    public SidecarEnvironment environment() {
        SidecarEnvironment env = environment;
        if (env == null) {
            throw new IllegalStateException("the sidecar environment has not been validated yet");
        }
        return env;
    }
}
