package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels on everything the control plane creates for a session; the informers watch only objects that carry them. */
public final class SessionLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "ambient-control-plane";
    /** The informer label selector: only the control plane's own pods and Secrets are cached. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;
    public static final String SESSION_ID = AgenticSession.GROUP + "/session-id";
    public static final String PROJECT = AgenticSession.GROUP + "/project";

    private SessionLabels() {
    }

    public static Map<String, String> of(AgenticSession session) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(SESSION_ID, session.getMetadata().getUid());
        labels.put(PROJECT, session.getSpec().getProject());
        return labels;
    }
}
