package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.provider.Provider;
import java.util.List;

/**
 * One credential sidecar: which provider it serves, the single credential it may fetch, where it listens (MCP and git
 * on {@code port}, loopback only; health and metrics on {@code managementPort}, reachable by probes), its
 * environment, and the proof it reads (its own, and only its own).
 */
public record PlannedSidecar(Provider provider, String credentialId, String image, int port, int managementPort,
        List<EnvEntry> env, String proofFile) {

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
