package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionSpec;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.contracts.session.SidecarSpec;
import io.ambientcode.controlplane.plan.EnvEntry;
import io.ambientcode.controlplane.plan.SessionRequest;
import io.ambientcode.controlplane.plan.SidecarSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the runtime-neutral {@link SessionRequest} out of an {@code AgenticSession} (validated beforehand). */
public final class SessionRequests {

    private SessionRequests() {
    }

    public static SessionRequest from(AgenticSession session) {
        AgenticSessionSpec spec = session.getSpec();
        List<EnvEntry> env = new ArrayList<>();
        if (spec.getRunner().getEnv() != null) {
            for (RunnerEnvVar v : spec.getRunner().getEnv()) {
                if (v != null) {
                    // A null name is kept as "" so the plan counts it as invalid rather than losing it silently.
                    env.add(new EnvEntry(v.getName() == null ? "" : v.getName(), v.getValue() == null ? "" : v.getValue()));
                }
            }
        }
        Map<String, SidecarSettings> sidecars = new LinkedHashMap<>();
        if (spec.getSidecars() != null) {
            for (Map.Entry<String, SidecarSpec> e : spec.getSidecars().entrySet()) {
                SidecarSpec s = e.getValue();
                sidecars.put(e.getKey(), s == null ? SidecarSettings.NONE
                        : new SidecarSettings(s.getReadOnly(), s.getDisableDestructive(), s.getTools(),
                                s.getExcludeTools()));
            }
        }
        return new SessionRequest(session.getMetadata().getUid(), session.getMetadata().getName(), spec.getProject(),
                spec.getAgent(), spec.getRunner().getImage(), env, sidecars, spec.getTimeout());
    }
}
