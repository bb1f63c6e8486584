package io.ambientcode.contracts.jwt;

import java.time.Duration;

/**
 * Claims of the short-lived JWT the control plane signs with its own key to call the credential API
 * (binding resolution only; ARCHITECTURE.md section 5).
 */
public final class ControlPlaneClaims {

    public static final String ISSUER = "ambient-control-plane";
    public static final String AUDIENCE = SessionTokenClaims.AUDIENCE;
    public static final String SUBJECT = "system:ambient-control-plane";
    /** Claim carrying the caller's role; the credential API requires {@link #ROLE}. */
    public static final String ROLE_CLAIM = "role";
    public static final String ROLE = "control-plane";
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private ControlPlaneClaims() {
    }
}
