package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.controlplane.config.ControlPlaneConfig;
import io.ambientcode.controlplane.config.SessionSettings;
import io.ambientcode.controlplane.credentials.CredentialApiUnavailableException;
import io.ambientcode.controlplane.credentials.CredentialResolution;
import io.ambientcode.controlplane.credentials.CredentialResolver;
import io.ambientcode.controlplane.plan.Proofs;
import io.ambientcode.controlplane.plan.ProofSource;
import io.ambientcode.controlplane.plan.ResolvedCredentials;
import io.ambientcode.controlplane.plan.SidecarPlan;
import io.ambientcode.controlplane.plan.SidecarPlanner;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import io.ambientcode.controlplane.status.SessionStatuses;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns an {@code AgenticSession} into its pod (ARCHITECTURE.md section 6). Each reconcile is idempotent and safe
 * after a restart; everything it decides is derived from the session, its status and the cluster:
 *
 * <ol>
 *   <li>A stop request deletes the pod and the proofs Secret (workflow precondition) and ends in Stopped.</li>
 *   <li>Before a pod exists: validate the spec, resolve credentials once per generation through the credential API
 *       and store them in {@code status.credentials} <em>before</em> the pod is created (the token server scopes
 *       tokens from it), plan, then let the workflow create the proofs Secret and the pod.</li>
 *   <li>Once the pod exists nothing is re-resolved or re-rendered; the pod's status drives the session's.</li>
 * </ol>
 *
 * A credential API that cannot answer leaves the session waiting with {@code CredentialsResolved=False} and the
 * reconcile rescheduled with growing delays ({@link CredentialBackoff}); a refusal (403, 422, …) is written as a
 * condition and rechecked later. Any other failure is retried by the operator SDK with its backoff.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = ProofSecretDependent.NAME, type = ProofSecretDependent.class,
            reconcilePrecondition = SessionNotStopped.class),
    @Dependent(name = SessionPodDependent.NAME, type = SessionPodDependent.class, dependsOn = ProofSecretDependent.NAME)
})
@ControllerConfiguration(name = AgenticSessionReconciler.NAME)
@Singleton
public class AgenticSessionReconciler implements Reconciler<AgenticSession> {

    public static final String NAME = "agenticsession";
    private static final Logger LOG = Logger.getLogger(AgenticSessionReconciler.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** After replacing proofs of a plan that never got a pod, come back once the informer saw the deletion. */
    private static final Duration AFTER_PROOF_REPLACEMENT = Duration.ofSeconds(1);

    private final CredentialResolver resolver;
    private final SessionSettings settings;
    private final ProofSource proofSource;
    private final Clock clock;
    private final ReconcileMetrics metrics;
    private final Duration recheckAfterRefusal;
    private final CredentialBackoff backoff;

    @Inject
    public AgenticSessionReconciler(CredentialResolver resolver, SessionSettings settings, ProofSource proofSource,
            Clock clock, ReconcileMetrics metrics, ControlPlaneConfig config) {
        this.resolver = resolver;
        this.settings = settings;
        this.proofSource = proofSource;
        this.clock = clock;
        this.metrics = metrics;
        this.recheckAfterRefusal = config.credentialApi().recheckAfterRefusal();
        this.backoff = new CredentialBackoff(config.operator().retryInitialInterval(), config.operator().retryMaxInterval());
    }

    @Override
    public UpdateControl<AgenticSession> reconcile(AgenticSession session, Context<AgenticSession> context) {
        metrics.reconciled();
        Instant now = clock.instant();
        Long generation = session.getMetadata().getGeneration();
        AgenticSessionStatus status = SessionStatuses.copy(session.getStatus());
        SessionPhase phase = status.getPhase();

        if (phase != null && phase.isTerminal()) {
            // Ended sessions keep their pod (logs) and are never restarted; only the generation is acknowledged.
            write(session, SessionStatuses.observedGeneration(status, generation), context);
            return UpdateControl.noUpdate();
        }
        if (StopRequest.isRequested(session)) {
            context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
            write(session, SessionStatuses.stopped(status, generation, now), context);
            LOG.infof("session %s stopped: pod and proofs deleted", id(session));
            return UpdateControl.noUpdate();
        }

        Optional<Pod> pod = context.getSecondaryResource(Pod.class);
        if (pod.isEmpty() && status.getPodName() != null) {
            write(session, SessionStatuses.podLost(status, generation, now), context);
            LOG.warnf("session %s failed: its pod %s disappeared", id(session), status.getPodName());
            return UpdateControl.noUpdate();
        }
        if (pod.isEmpty()) {
            List<String> problems = SessionValidator.problems(session);
            if (!problems.isEmpty()) {
                write(session, SessionStatuses.invalidSpec(status, problems, generation, now), context);
                LOG.infof("session %s not started: invalid spec (%d problem%s)", id(session), problems.size(),
                        problems.size() == 1 ? "" : "s");
                return UpdateControl.noUpdate();
            }
            status = SessionStatuses.validSpec(status, generation, now);
            if (!credentialsCurrent(status, generation)) {
                CredentialResolution resolution;
                try {
                    resolution = resolver.resolve(session.getSpec().getProject(), session.getSpec().getAgent(),
                            session.getSpec().getCredentials());
                } catch (CredentialApiUnavailableException unavailable) {
                    Duration retryIn = backoff.next(status, now);
                    write(session, SessionStatuses.credentialsUnresolved(status, SessionConditions.REASON_API_UNAVAILABLE,
                            unavailable.getMessage() + "; retrying with backoff", generation, now), context);
                    metrics.credentialResolution(SessionConditions.REASON_API_UNAVAILABLE);
                    LOG.warnf("session %s waits: %s; retry in %d ms", id(session), unavailable.getMessage(),
                            retryIn.toMillis());
                    return UpdateControl.<AgenticSession> noUpdate().rescheduleAfter(retryIn);
                }
                if (resolution instanceof CredentialResolution.Unresolved unresolved) {
                    write(session, SessionStatuses.credentialsUnresolved(status, unresolved.reason(), unresolved.message(),
                            generation, now), context);
                    metrics.credentialResolution(unresolved.reason());
                    LOG.warnf("session %s waits: %s (%s)", id(session), unresolved.reason(), unresolved.message());
                    return UpdateControl.<AgenticSession> noUpdate().rescheduleAfter(recheckAfterRefusal);
                }
                CredentialResolution.Resolved resolved = (CredentialResolution.Resolved) resolution;
                status = SessionStatuses.credentialsResolved(status, resolved.credentials(), resolved.summary(), generation,
                        now);
                metrics.credentialResolution(SessionConditions.REASON_RESOLVED);
                // Stored before the pod exists: the token server reads status.credentials to scope session tokens.
                session = write(session, status, context);
            }
            SidecarPlan plan = SidecarPlanner.plan(SessionRequests.from(session),
                    ResolvedCredentials.of(status.getCredentials()), settings.plan());
            status = SessionStatuses.planned(status, plan, generation, now);
            Optional<UpdateControl<AgenticSession>> waiting = createPod(session, plan, context);
            if (waiting.isPresent()) {
                write(session, status, context);
                return waiting.get();
            }
            pod = context.getSecondaryResource(Pod.class);
        }
        if (pod.isPresent()) {
            status = SessionStatuses.observed(status, pod.get(), settings.crashLoopRestartLimit(), generation, now);
        }
        if (status.getPhase() != phase) {
            LOG.infof("session %s: %s -> %s", id(session), phase, status.getPhase());
        }
        write(session, status, context);
        return UpdateControl.noUpdate();
    }

    /**
     * Plans and lets the workflow create the proofs Secret and the pod. Returns a control when it has to wait instead:
     * proofs left from an earlier plan that never got a pod are replaced first (no sidecar can have read them).
     */
    private Optional<UpdateControl<AgenticSession>> createPod(AgenticSession session, SidecarPlan plan,
            Context<AgenticSession> context) {
        Optional<Secret> existing = context.getSecondaryResource(Secret.class);
        Map<String, String> existingProofs = existing.map(AgenticSessionReconciler::proofsOf).orElse(Map.of());
        if (existing.isPresent() && !existingProofs.keySet().equals(Set.copyOf(plan.proofKeys()))) {
            context.getClient().resource(existing.get()).delete();
            LOG.infof("session %s: proofs Secret for an earlier plan replaced before any pod used it", id(session));
            return Optional.of(UpdateControl.<AgenticSession> noUpdate().rescheduleAfter(AFTER_PROOF_REPLACEMENT));
        }
        LOG.debugf("session %s planned: sidecars %s, credentials %s, runner env names %s", id(session), plan.proofKeys(),
                plan.credentials(), plan.runner().env().stream().map(e -> e.name()).toList());
        Secret proofs = ProofSecretRenderer.render(session, Proofs.forKeys(plan.proofKeys(), existingProofs, proofSource));
        Pod pod = SessionPodRenderer.render(session, plan, settings.pod());
        context.managedWorkflowAndDependentResourceContext().put(DesiredObjects.KEY, new DesiredObjects(pod, proofs));
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        metrics.podCreated();
        LOG.infof("session %s: pod created with sidecars %s%s", id(session), plan.proofKeys(),
                plan.unsupportedProviders().isEmpty() ? "" : ", unsupported providers " + plan.unsupportedProviders());
        return Optional.empty();
    }

    /** Credentials resolved for this generation of the spec are reused: one resolve call per spec, not per reconcile. */
    private static boolean credentialsCurrent(AgenticSessionStatus status, Long generation) {
        return Conditions.find(status.getConditions(), SessionConditions.CREDENTIALS_RESOLVED)
                .filter(c -> "True".equals(c.getStatus()))
                .filter(c -> Objects.equals(c.getObservedGeneration(), generation))
                .isPresent()
                && status.getCredentials() != null;
    }

    private static Map<String, String> proofsOf(Secret secret) {
        Map<String, String> proofs = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> proofs.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        return proofs;
    }

    @Override
    public ErrorStatusUpdateControl<AgenticSession> updateErrorStatus(AgenticSession failed,
            Context<AgenticSession> context, Exception e) {
        // The failed reconcile may have written the status already (credentials before the pod): start from the
        // latest version the cache holds, not from the one the reconcile began with.
        AgenticSession session = context.getPrimaryCache().get(ResourceID.fromResource(failed))
                .map(SERIALIZATION::clone)
                .orElse(failed);
        Instant now = clock.instant();
        Long generation = session.getMetadata().getGeneration();
        AgenticSessionStatus current = SessionStatuses.copy(session.getStatus());
        if (current.getPhase() != null && current.getPhase().isTerminal()) {
            return ErrorStatusUpdateControl.defaultErrorProcessing();
        }
        AgenticSessionStatus status = SessionStatuses.copy(current);
        status.setConditions(Conditions.set(status.getConditions(), SessionConditions.READY, false,
                SessionConditions.REASON_RECONCILE_ERROR, describe(rootCause(e)) + "; retrying with backoff", generation,
                now));
        try {
            write(session, status, context);
        } catch (RuntimeException writeFailure) {
            LOG.warnf("session %s: could not record the error in its status (%s)", id(session),
                    writeFailure.getClass().getSimpleName());
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    /**
     * Writes the status when it changed: a full replace with optimistic locking, the result cached for the next
     * reconcile. A conflict is not retried here (the status was computed from the version that lost); the reconcile
     * fails and runs again on fresh state.
     */
    private static AgenticSession write(AgenticSession session, AgenticSessionStatus status, Context<AgenticSession> context) {
        if (SERIALIZATION.asJson(status).equals(SERIALIZATION.asJson(SessionStatuses.copy(session.getStatus())))) {
            return session;
        }
        return PrimaryUpdateAndCacheUtils.updateAndCacheResource(session, context, base -> {
            AgenticSession copy = SERIALIZATION.clone(base);
            copy.setStatus(SessionStatuses.copy(status));
            return copy;
        }, r -> context.getClient().resource(r).updateStatus(), 0, 0, 0);
    }

    private static Throwable rootCause(Exception e) {
        if (e instanceof AggregatedOperatorException aggregated && !aggregated.getAggregatedExceptions().isEmpty()) {
            return aggregated.getAggregatedExceptions().values().iterator().next();
        }
        return e;
    }

    /** Names the failure without its message, which may quote an object. */
    private static String describe(Throwable cause) {
        if (cause instanceof KubernetesClientException k) {
            return "Kubernetes API error (HTTP " + k.getCode() + ")";
        }
        return cause.getClass().getSimpleName();
    }

    private static String id(AgenticSession session) {
        return session.getMetadata().getNamespace() + "/" + session.getMetadata().getName();
    }
}
