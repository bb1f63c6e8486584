package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Precondition of the proofs Secret, and through it of the pod that depends on it: when a stop is requested the
 * workflow deletes the pod, then the Secret, so no sidecar can exchange a proof any more.
 */
public class SessionNotStopped implements Condition<Secret, AgenticSession> {

    @Override
    public boolean isMet(DependentResource<Secret, AgenticSession> dependentResource, AgenticSession primary,
            Context<AgenticSession> context) {
        return !StopRequest.isRequested(primary);
    }
}
