package io.ambientcode.sidecar.github.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real git client for tests, with a clean, isolated configuration. */
public final class GitRepos {

    private GitRepos() {
    }

    /** A bare repository with one commit on main. */
    public static void createBare(Path bare) throws IOException, InterruptedException {
        Files.createDirectories(bare);
        run(bare, Map.of(), "git", "init", "--bare", "-q", "-b", "main");
        run(bare, Map.of(), "git", "config", "http.receivepack", "true");
        Path work = Files.createTempDirectory("seed");
        run(work, Map.of(), "git", "init", "-q", "-b", "main");
        Files.writeString(work.resolve("README.md"), "# widgets\n");
        run(work, Map.of(), "git", "add", ".");
        run(work, Map.of(), "git", "-c", "user.name=seed", "-c", "user.email=seed@example.com", "commit", "-q", "-m", "seed");
        run(work, Map.of(), "git", "push", "-q", bare.toString(), "main");
    }

    /** Result of one git invocation: argv, env and output, kept for leak assertions. */
    public record Run(List<String> argv, Map<String, String> env, int exit, String output) {
    }

    public static Run run(Path dir, Map<String, String> extraEnv, String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        Path home = Files.createTempDirectory("home");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.putAll(extraEnv);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        Run run = new Run(new ArrayList<>(List.of(argv)), Map.copyOf(env), exit, out);
        if (exit != 0 && !extraEnv.containsKey("ALLOW_FAILURE")) {
            throw new IllegalStateException("git failed (" + exit + "): " + String.join(" ", argv) + "\n" + out);
        }
        return run;
    }
}
