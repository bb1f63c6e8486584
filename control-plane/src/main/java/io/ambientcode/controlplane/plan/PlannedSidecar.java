package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.provider.Provider;
import java.util.List;

/**
 * One credential sidecar: which provider it serves, the single credential it may fetch, where it listens, its
 * environment, and the proof it reads (its own, and only its own).
 */
public record PlannedSidecar(Provider provider, String credentialId, String image, int port, List<EnvEntry> env,
        String proofFile) {

    public PlannedSidecar {
        env = List.copyOf(env);
    }

    public String containerName() {
        return provider.containerName();
    }

    /** The key of this sidecar's proof in the session's proof store. */
    public String proofKey() {
        return provider.id();
    }
}
