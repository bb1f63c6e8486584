package io.ambientcode.controlplane.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Proof values for a plan's proof keys. Existing values are kept as they are; only missing keys get a new proof. */
public final class Proofs {

    private Proofs() {
    }

    /**
     * The proofs for {@code keys}, in that order: the value from {@code existing} where there is one (so a proof
     * never changes once a sidecar may have read it), a fresh one from {@code source} otherwise.
     */
    public static Map<String, String> forKeys(List<String> keys, Map<String, String> existing, ProofSource source) {
        Map<String, String> proofs = new LinkedHashMap<>();
        for (String key : keys) {
            String current = existing == null ? null : existing.get(key);
            proofs.put(key, current != null && !current.isEmpty() ? current : source.newProof());
        }
        return Collections.unmodifiableMap(proofs);
    }
}
