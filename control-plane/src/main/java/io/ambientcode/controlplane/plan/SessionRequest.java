package io.ambientcode.controlplane.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a session the plan depends on, free of any runtime's types so the Kubernetes and the local runtime
 * plan from the same input.
 *
 * @param sessionId the id sidecars present to the token server (in Kubernetes: the resource's {@code metadata.uid})
 * @param sessionName the session's name, used for naming derived objects
 * @param project the project the session runs in
 * @param agent optional agent name
 * @param runnerImage image of the runner
 * @param runnerEnv environment the user asked for in the runner, in the order given
 * @param sidecarSettings per provider id, as written in the session (unknown ids included, the plan reports them)
 * @param timeout maximum run time as written in the session ({@code 1h30m}), or null
 */
public record SessionRequest(
        String sessionId,
        String sessionName,
        String project,
        String agent,
        String runnerImage,
        List<EnvEntry> runnerEnv,
        Map<String, SidecarSettings> sidecarSettings,
        String timeout) {

    public SessionRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionName, "sessionName");
        runnerEnv = runnerEnv == null ? List.of() : List.copyOf(runnerEnv);
        sidecarSettings = sidecarSettings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sidecarSettings));
    }
}
