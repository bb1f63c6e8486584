package io.ambientcode.controlplane.plan;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a session becomes, decided once and rendered by a runtime (Kubernetes pod, or local processes): the runner,
 * the sidecars (registry order), the credentials that were resolved, the providers that have no sidecar, and the
 * conditions that explain what was left out and why.
 *
 * @param sessionId the id every process receives as {@code SESSION_ID}
 * @param runner the runner process
 * @param sidecars one per started provider, in registry order
 * @param credentials every resolved credential, provider id → credential id (canonical order)
 * @param unsupportedProviders resolved providers without a sidecar, sorted
 * @param conditions the plan's conditions, in a fixed order
 * @param deadlineSeconds maximum run time in seconds, when the session set one
 */
public record SidecarPlan(
        String sessionId,
        RunnerPlan runner,
        List<PlannedSidecar> sidecars,
        Map<String, String> credentials,
        List<String> unsupportedProviders,
        List<PlanCondition> conditions,
        OptionalLong deadlineSeconds) {

    public SidecarPlan {
        sidecars = List.copyOf(sidecars);
        credentials = ResolvedCredentials.of(credentials).byProvider();
        unsupportedProviders = List.copyOf(unsupportedProviders);
        conditions = List.copyOf(conditions);
    }

    /** The proof keys the session needs: one per sidecar, in sidecar order. */
    public List<String> proofKeys() {
        return sidecars.stream().map(PlannedSidecar::proofKey).toList();
    }
}
