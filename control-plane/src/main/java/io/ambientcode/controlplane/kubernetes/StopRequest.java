package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import java.util.Map;

/** A stop is asked for with {@code spec.stop: true} or the annotation {@code ambient-code.io/stop: "true"}. */
public final class StopRequest {

    private StopRequest() {
    }

    public static boolean isRequested(AgenticSession session) {
        if (session.getSpec() != null && Boolean.TRUE.equals(session.getSpec().getStop())) {
            return true;
        }
        return annotation(session) != null && "true".equalsIgnoreCase(annotation(session).strip());
    }

    static String annotation(AgenticSession session) {
        Map<String, String> annotations = session.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(AgenticSession.STOP_ANNOTATION);
    }
}
