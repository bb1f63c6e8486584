package io.ambientcode.controlplane.plan;

/**
 * A decision of the plan worth telling the user, independent of how a runtime reports it (in Kubernetes: a
 * condition in the session's status). Messages carry names and ids, never values.
 */
public record PlanCondition(String type, boolean status, String reason, String message) {

    /** Whether every provider with a sidecar could be started (token server and image configured). */
    public static final String SIDECARS_CONFIGURED = "SidecarsConfigured";
    /** Whether every resolved provider has a sidecar at all (gitlab, for one, does not). */
    public static final String PROVIDERS_SUPPORTED = "ProvidersSupported";
    /** Whether every entry of the session's runner env and sidecar settings was used. */
    public static final String SPEC_ACCEPTED = "SpecAccepted";

    public static final String REASON_SIDECARS_CONFIGURED = "SidecarsConfigured";
    public static final String REASON_NO_CREDENTIALS = "NoCredentials";
    public static final String REASON_TOKEN_SERVER_NOT_CONFIGURED = "TokenServerNotConfigured";
    public static final String REASON_SIDECAR_IMAGE_MISSING = "SidecarImageMissing";
    public static final String REASON_ALL_SUPPORTED = "AllProvidersSupported";
    public static final String REASON_UNSUPPORTED_PROVIDER = "UnsupportedProvider";
    public static final String REASON_ACCEPTED = "Accepted";
    public static final String REASON_ENTRIES_IGNORED = "EntriesIgnored";
}
