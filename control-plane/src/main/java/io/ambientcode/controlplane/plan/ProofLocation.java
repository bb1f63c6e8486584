package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.SidecarEnv;

/**
 * Where a sidecar finds its proof file. In Kubernetes it is the mounted Secret key under
 * {@link SidecarEnv#PROOF_MOUNT_PATH}; a local runtime writes the files somewhere private instead.
 */
@FunctionalInterface
public interface ProofLocation {

    ProofLocation KUBERNETES = provider -> SidecarEnv.proofFile(provider.id());

    String fileFor(Provider provider);
}
