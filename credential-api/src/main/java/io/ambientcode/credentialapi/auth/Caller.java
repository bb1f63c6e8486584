package io.ambientcode.credentialapi.auth;

/** Who made a request, after their bearer token was verified. Each kind has its own, disjoint, permissions. */
public sealed interface Caller permits UserCaller, ControlPlaneCaller, SessionCaller {

    /** {@code user}, {@code control-plane} or {@code session}: the audit trail's actor kind. */
    String kind();

    /** The audit trail's actor: a user's {@code sub}, the control plane's {@code sub}, or a session id. */
    String actor();
}
