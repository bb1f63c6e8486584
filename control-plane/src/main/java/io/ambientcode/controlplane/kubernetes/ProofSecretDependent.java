package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The session's proofs Secret. Create-only (no {@code Updater}) and immutable: once it exists its proofs are never
 * regenerated, whatever the reconciles, restarts or spec changes. Owned by the session, so it goes with it; deleted
 * early when the session is stopped ({@link SessionNotStopped}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = SessionLabels.MANAGED_SELECTOR))
public class ProofSecretDependent extends KubernetesDependentResource<Secret, AgenticSession>
        implements Creator<Secret, AgenticSession>, GarbageCollected<AgenticSession> {

    public static final String NAME = "proofs";

    public ProofSecretDependent() {
        super(Secret.class);
    }

    @Override
    protected Secret desired(AgenticSession primary, Context<AgenticSession> context) {
        return context.managedWorkflowAndDependentResourceContext()
                .getMandatory(DesiredObjects.KEY, DesiredObjects.class)
                .proofs();
    }

    /** By name: no need to compute (random) desired state just to find the Secret. */
    @Override
    protected ResourceID targetSecondaryResourceID(AgenticSession primary, Context<AgenticSession> context) {
        return new ResourceID(ProofSecret.nameFor(primary.getMetadata().getName()), primary.getMetadata().getNamespace());
    }
}
