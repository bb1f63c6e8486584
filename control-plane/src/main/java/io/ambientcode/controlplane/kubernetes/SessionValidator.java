package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionSpec;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.controlplane.plan.SessionTimeout;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the CRD schema checks, checked again: a session can reach the control plane without schema validation (an
 * older CRD, or a test API server), and acting on an invalid one would be worse than waiting for a fix. Problems
 * name the field; they never echo a value that could be a secret.
 */
public final class SessionValidator {

    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Names of objects derived from the session stay within the 253-character limit of object names. */
    static final int MAX_NAME_LENGTH = 253 - ProofSecret.NAME_SUFFIX.length();
    static final int MAX_EXPLICIT_CREDENTIALS = 32;

    private SessionValidator() {
    }

    public static List<String> problems(AgenticSession session) {
        List<String> problems = new ArrayList<>();
        String name = session.getMetadata().getName();
        if (name == null || name.length() > MAX_NAME_LENGTH) {
            problems.add("metadata.name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        AgenticSessionSpec spec = session.getSpec();
        if (spec == null) {
            problems.add("spec is required");
            return problems;
        }
        if (spec.getProject() == null || !DNS_LABEL.matcher(spec.getProject()).matches()) {
            problems.add("spec.project is required and must be a DNS label");
        }
        if (spec.getAgent() != null && !DNS_LABEL.matcher(spec.getAgent()).matches()) {
            problems.add("spec.agent must be a DNS label");
        }
        if (spec.getRunner() == null || spec.getRunner().getImage() == null || spec.getRunner().getImage().isBlank()) {
            problems.add("spec.runner.image is required");
        }
        if (spec.getCredentials() != null) {
            if (spec.getCredentials().size() > MAX_EXPLICIT_CREDENTIALS) {
                problems.add("spec.credentials lists more than " + MAX_EXPLICIT_CREDENTIALS + " ids");
            }
            long malformed = spec.getCredentials().stream()
                    .filter(id -> id == null || !CredentialApiPaths.CREDENTIAL_ID.matcher(id).matches())
                    .count();
            if (malformed > 0) {
                problems.add("spec.credentials has " + malformed + " malformed id" + (malformed == 1 ? "" : "s")
                        + " (expected [A-Za-z0-9_-]{8,64})");
            }
        }
        if (!SessionTimeout.isWellFormed(spec.getTimeout())) {
            problems.add("spec.timeout must look like 1h30m, 45m or 90s");
        }
        return problems;
    }
}
