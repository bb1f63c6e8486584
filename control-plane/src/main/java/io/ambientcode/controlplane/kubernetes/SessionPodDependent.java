package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The session pod. Create-only: a pod's containers cannot change after creation, and a running session is never
 * replaced behind the user's back. Owned by the session; deleted when the session is stopped.
 */
@KubernetesDependent(informer = @Informer(labelSelector = SessionLabels.MANAGED_SELECTOR))
public class SessionPodDependent extends KubernetesDependentResource<Pod, AgenticSession>
        implements Creator<Pod, AgenticSession>, GarbageCollected<AgenticSession> {

    public static final String NAME = "pod";

    public SessionPodDependent() {
        super(Pod.class);
    }

    @Override
    protected Pod desired(AgenticSession primary, Context<AgenticSession> context) {
        return context.managedWorkflowAndDependentResourceContext()
                .getMandatory(DesiredObjects.KEY, DesiredObjects.class)
                .pod();
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AgenticSession primary, Context<AgenticSession> context) {
        return new ResourceID(primary.getMetadata().getName(), primary.getMetadata().getNamespace());
    }
}
