package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.session.ProofSecret;

/** Makes new proof values. Production uses {@link ProofSecret#newProof()}; tests may substitute a deterministic one. */
@FunctionalInterface
public interface ProofSource {

    ProofSource SECURE_RANDOM = ProofSecret::newProof;

    String newProof();
}
