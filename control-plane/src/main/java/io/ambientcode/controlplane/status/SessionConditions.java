package io.ambientcode.controlplane.status;

import io.ambientcode.controlplane.plan.PlanCondition;
import java.util.List;

/** Condition types and reasons the control plane writes into {@code status.conditions}. */
public final class SessionConditions {

    /** The spec can be acted on (project, image, credential ids, timeout, name length). */
    public static final String SPEC_VALID = "SpecValid";
    /** The session's credentials are known (resolved from bindings, or explicit ids validated against them). */
    public static final String CREDENTIALS_RESOLVED = "CredentialsResolved";
    /** Every credential sidecar of the pod passed its readiness probe. */
    public static final String SIDECARS_READY = "SidecarsReady";
    /** The session's pod is ready: the runner is running with its sidecars loaded. */
    public static final String READY = "Ready";

    /** Order of conditions in the status, so that writes of an unchanged status are byte-for-byte equal. */
    public static final List<String> ORDER = List.of(SPEC_VALID, CREDENTIALS_RESOLVED, PlanCondition.SIDECARS_CONFIGURED,
            PlanCondition.PROVIDERS_SUPPORTED, PlanCondition.SPEC_ACCEPTED, SIDECARS_READY, READY);

    public static final String REASON_VALID = "Valid";
    public static final String REASON_INVALID_SPEC = "InvalidSpec";

    public static final String REASON_RESOLVED = "Resolved";
    public static final String REASON_API_UNAVAILABLE = "CredentialApiUnavailable";
    public static final String REASON_API_UNAUTHORIZED = "CredentialApiUnauthorized";
    public static final String REASON_API_FORBIDDEN = "CredentialApiForbidden";
    public static final String REASON_PROJECT_NOT_FOUND = "ProjectNotFound";
    public static final String REASON_CREDENTIAL_NOT_BOUND = "CredentialNotBound";
    public static final String REASON_DUPLICATE_PROVIDER = "DuplicateProvider";
    public static final String REASON_CREDENTIALS_REJECTED = "CredentialsRejected";
    public static final String REASON_INVALID_API_REPLY = "InvalidCredentialApiReply";

    public static final String REASON_NO_SIDECARS = "NoSidecars";
    public static final String REASON_ALL_SIDECARS_READY = "AllSidecarsReady";
    public static final String REASON_SIDECARS_STARTING = "SidecarsStarting";
    public static final String REASON_SIDECAR_CRASH_LOOP = "SidecarCrashLoop";
    public static final String REASON_SIDECAR_IMAGE_PULL = "SidecarImagePullFailed";

    public static final String REASON_POD_NOT_CREATED = "PodNotCreated";
    public static final String REASON_POD_NOT_READY = "PodNotReady";
    public static final String REASON_POD_READY = "PodReady";
    public static final String REASON_RUNNER_SUCCEEDED = "RunnerSucceeded";
    public static final String REASON_RUNNER_FAILED = "RunnerFailed";
    public static final String REASON_POD_FAILED = "PodFailed";
    public static final String REASON_POD_LOST = "PodLost";
    public static final String REASON_STOPPED = "Stopped";
    public static final String REASON_RECONCILE_ERROR = "ReconcileError";

    // The local runtime: no pod, no runner; Ready follows the sidecar processes.
    /** Local: every sidecar process is ready (the session's equivalent of a ready pod). */
    public static final String REASON_SIDECARS_RUNNING = "SidecarsRunning";
    /** Local: sidecar processes started, not all ready yet. */
    public static final String REASON_SIDECARS_NOT_READY = "SidecarsNotReady";
    /** Local: no sidecar process started yet (spec or credentials pending). */
    public static final String REASON_SIDECARS_NOT_STARTED = "SidecarsNotStarted";
    /** Local: the token server's exchange key could not be fetched, so sidecars cannot be configured yet. */
    public static final String REASON_TOKEN_SERVER_UNAVAILABLE = "TokenServerUnavailable";
    /** Local: {@code spec.timeout} passed (the pod path's {@code activeDeadlineSeconds}). */
    public static final String REASON_DEADLINE_EXCEEDED = "DeadlineExceeded";

    private SessionConditions() {
    }
}
