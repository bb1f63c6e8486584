package io.ambientcode.sidecar.github.support;

import io.ambientcode.contracts.session.RunnerEnv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The runner side of ARCHITECTURE.md section 6: {@code https://github.com/} rewritten to the sidecar's git proxy through
 * {@code GIT_CONFIG_*} variables, no credential helper, no token anywhere in the runner's environment.
 */
public final class RunnerGit {

    private final Map<String, String> env = new HashMap<>();

    public RunnerGit(int sidecarPort) {
        env.put(RunnerEnv.GIT_CONFIG_COUNT, "1");
        env.put(RunnerEnv.GIT_CONFIG_KEY_PREFIX + "0", RunnerEnv.gitInsteadOfKey(sidecarPort));
        env.put(RunnerEnv.GIT_CONFIG_VALUE_PREFIX + "0", RunnerEnv.GITHUB_GIT_BASE);
    }

    public GitRepos.Run git(Path dir, String... args) throws IOException, InterruptedException {
        String[] argv = new String[args.length + 5];
        argv[0] = "git";
        argv[1] = "-c";
        argv[2] = "user.name=agent";
        argv[3] = "-c";
        argv[4] = "user.email=agent@example.com";
        System.arraycopy(args, 0, argv, 5, args.length);
        return GitRepos.run(dir, env, argv);
    }

    public Map<String, String> env() {
        return env;
    }
}
