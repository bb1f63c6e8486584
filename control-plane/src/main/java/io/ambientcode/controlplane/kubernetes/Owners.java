package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** The owner reference that makes a session's pod and Secret garbage-collected with it. */
final class Owners {

    private Owners() {
    }

    /**
     * Controller reference to the session. {@code blockOwnerDeletion} is left unset: setting it would need update
     * rights on {@code agenticsessions/finalizers}, which the control plane does not otherwise need.
     */
    static OwnerReference of(AgenticSession session) {
        return new OwnerReferenceBuilder()
                .withApiVersion(session.getApiVersion())
                .withKind(session.getKind())
                .withName(session.getMetadata().getName())
                .withUid(session.getMetadata().getUid())
                .withController(true)
                .build();
    }
}
