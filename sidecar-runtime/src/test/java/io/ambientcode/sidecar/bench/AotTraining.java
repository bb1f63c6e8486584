package io.ambientcode.sidecar.bench;

import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The training run that records a sidecar's JDK AOT cache (JEP 483/514: {@code -XX:AOTCacheOutput}): the packaged
 * sidecar ({@code aot-jar} layout, so its classes are on the class path the cache can hold) runs what it runs in a
 * session, against the session fakes and the fake upstream: start-up, exchange, fetch, readiness, MCP initialize,
 * tools/list, its simple tool and {@code refresh_credentials}; then it is stopped like a pod (SIGTERM) and the JVM
 * writes the cache as it exits. Must run with the JDK and the JVM options the sidecar ships with, from the
 * directory the cache will be used from (the cache records the class path).
 *
 * <p>Options: {@code --repo DIR}, {@code --target github}, {@code --java PATH} (JDK 25+), {@code --output app.aot}
 * (relative to the jar's directory), {@code --calls 50}.
 */
public final class AotTraining {

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        Path repo = args.path("repo", ".");
        String name = args.get("target", "github");
        Path java = args.path("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String output = args.get("output", "app.aot");
        int calls = args.integer("calls", 50);

        String token = "training-" + UUID.randomUUID();
        BenchTarget target = BenchTarget.of(repo, name, token);
        Path dir = target.jar().getParent();
        Files.deleteIfExists(dir.resolve(output));
        List<String> options = new ArrayList<>();
        for (String o : target.jvmOptions()) {
            if (!o.startsWith("-XX:AOTCache=")) {
                options.add(o);
            }
        }
        options.add("-XX:AOTCacheOutput=" + output);
        try (FakeUpstream upstream = new FakeUpstream(0, token);
                FakeAmbient ambient = target.isFloor() ? null : target.ambient(upstream.baseUrl(), token)) {
            Map<String, String> env = target.isFloor() ? Map.of() : target.env(ambient, upstream.baseUrl());
            SidecarLauncher p = SidecarLauncher.builder().java(java).jar(target.jar()).directory(dir).jvmOptions(options)
                    .env(env).watchPorts(false).start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                int port = target.isFloor() ? p.port : p.managementPort;
                while (Probe.status(port, "/q/health/ready") != 200) {
                    if (!p.process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + " did not become ready:\n" + p.output());
                    }
                    Thread.sleep(20);
                }
                Probe.status(port, "/q/health/live");
                if (!target.isFloor()) {
                    McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
                    mcp.listTools();
                    for (int i = 0; i < calls; i++) {
                        if (McpHttpClient.isError(mcp.call(target.tool(), Map.of()))) {
                            throw new IllegalStateException("the training call failed:\n" + p.output());
                        }
                    }
                    mcp.call("refresh_credentials", Map.of());
                }
                p.process.destroy();
                if (!p.process.waitFor(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the training run did not stop");
                }
                String out = p.output();
                if (!Files.exists(dir.resolve(output))) {
                    throw new IllegalStateException("no AOT cache was written:\n" + out);
                }
                System.out.printf("%s: %s (%d bytes)%n", name, dir.resolve(output), Files.size(dir.resolve(output)));
            } finally {
                p.close();
            }
        }
    }
}
