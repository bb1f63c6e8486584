package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.systemtests.support.Captured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the runner container can do, with what the runner container has: its env from the pod spec. MCP clients for the
 * URLs in CREDENTIAL_MCP_URLS, and plain {@code git} with the GIT_CONFIG_* entries the control plane set (the ports in
 * them mapped, nothing else). No token, proof or key is available to it, and it is given none.
 */
public final class Runner {

    private static final Pattern LOCAL_URL = Pattern.compile("http://localhost:(\\d+)/");

    private final RunningPod pod;

    public Runner(RunningPod pod) {
        this.pod = pod;
    }

    public Map<String, String> env() {
        return pod.runnerEnv();
    }

    /** An initialized MCP session with the sidecar of a provider, at the URL the runner was given. */
    public McpClient mcp(Provider p) {
        String url = pod.mcpUrls().get(p.id());
        if (url == null) {
            throw new AssertionError("CREDENTIAL_MCP_URLS has no " + p.id() + ": " + env().get(RunnerEnv.CREDENTIAL_MCP_URLS));
        }
        return new McpClient(p.id(), url).initialize();
    }

    /** Runs git in {@code dir} as the runner would; returns its output (kept for the leak scan). */
    public String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-c");
        cmd.add("user.name=runner");
        cmd.add("-c");
        cmd.add("user.email=runner@systest.invalid");
        cmd.addAll(List.of(args));
        try {
            Path home = Files.createTempDirectory("runner-home");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().keySet().retainAll(List.of("PATH", "LANG"));
            pb.environment().put("HOME", home.toString());
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            pb.environment().putAll(gitEnv());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Captured.add("runner git " + args[0], out);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("runner: git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The runner's GIT_CONFIG_* variables, with the pod's ports in them mapped to this machine. */
    Map<String, String> gitEnv() {
        Map<String, String> git = new LinkedHashMap<>();
        env().forEach((k, v) -> {
            if (k.equals(RunnerEnv.GIT_CONFIG_COUNT) || k.startsWith(RunnerEnv.GIT_CONFIG_KEY_PREFIX)
                    || k.startsWith(RunnerEnv.GIT_CONFIG_VALUE_PREFIX)) {
                git.put(k, mapPorts(v));
            }
        });
        return git;
    }

    private String mapPorts(String value) {
        Matcher m = LOCAL_URL.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String mapped = pod.mapPort("http://localhost:" + m.group(1) + "/");
            m.appendReplacement(sb, Matcher.quoteReplacement(mapped));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
