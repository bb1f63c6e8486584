package io.ambientcode.controlplane.plan;

import java.util.List;

/** The runner process: its image and its complete environment (platform entries first, then the user's). */
public record RunnerPlan(String image, List<EnvEntry> env) {

    public RunnerPlan {
        env = List.copyOf(env);
    }
}
