package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Which updates of a session deserve a reconcile: a new generation (spec change) or a change of the stop annotation,
 * which does not bump the generation. Status writes, including the control plane's own, do not.
 */
public class SessionUpdateFilter implements OnUpdateFilter<AgenticSession> {

    @Override
    public boolean accept(AgenticSession updated, AgenticSession old) {
        Long before = old.getMetadata().getGeneration();
        Long after = updated.getMetadata().getGeneration();
        if (before == null || after == null || after > before) {
            return true;
        }
        return !Objects.equals(StopRequest.annotation(updated), StopRequest.annotation(old))
                || updated.isMarkedForDeletion() && !old.isMarkedForDeletion();
    }
}
