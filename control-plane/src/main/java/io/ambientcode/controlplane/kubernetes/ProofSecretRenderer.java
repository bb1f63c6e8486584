package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session's proofs Secret: one key per sidecar provider. Immutable, so the API server itself guarantees a proof
 * never changes after a sidecar may have read it.
 */
public final class ProofSecretRenderer {

    private ProofSecretRenderer() {
    }

    public static Secret render(AgenticSession session, Map<String, String> proofs) {
        Map<String, String> data = new LinkedHashMap<>();
        proofs.forEach((key, proof) -> data.put(key, Base64.getEncoder().encodeToString(proof.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withNewMetadata()
                .withName(ProofSecret.nameFor(session.getMetadata().getName()))
                .withNamespace(session.getMetadata().getNamespace())
                .withLabels(SessionLabels.of(session))
                .withOwnerReferences(Owners.of(session))
                .endMetadata()
                .withType("Opaque")
                .withImmutable(true)
                .withData(data)
                .build();
    }
}
