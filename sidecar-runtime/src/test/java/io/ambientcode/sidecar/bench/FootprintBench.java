package io.ambientcode.sidecar.bench;

import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Footprint of each packaged sidecar next to the floor (issue 9): N launches per target, interleaved, each against the
 * session fakes ({@code FakeAmbient}) and one fake upstream; per launch the wall time from process start to
 * {@code /q/health/ready} = 200 (first credential held), the CPU time used by then, resident memory at ready, the first
 * tool call, and resident memory after 1,000 calls of the simple tool. Prints median [min-max] per target. Builds
 * nothing; run it through {@code bench/sidecar-footprint.sh}.
 *
 * <p>Options: {@code --repo DIR} (default .), {@code --runs N} (5), {@code --calls N} (1000), {@code --java PATH}
 * (the launcher the sidecars run on), {@code --max-ram 256m} (the container limit the JVM should size itself for;
 * {@code none} to omit), {@code --targets floor,github,jira,google,kubeconfig}, {@code --jvm-options "..."}
 * (replace the shipped options of every sidecar: experiments), {@code --extra-jvm "..."} (append to every target).
 */
public final class FootprintBench {

    /** One launch's figures. */
    record Run(double readyMs, double cpuToReadyMs, double rssReadyMb, double firstCallMs, double rssAfterMb,
            double anonAfterMb, double fileAfterMb, int errors) {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        Path repo = args.path("repo", ".");
        int runs = args.integer("runs", 5);
        int calls = args.integer("calls", 1000);
        Path java = args.path("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String maxRam = args.get("max-ram", "256m");
        List<String> targets = args.list("targets", "floor,github,jira,google,kubeconfig");

        String token = "bench-" + UUID.randomUUID();
        Map<String, List<Run>> results = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        try (FakeUpstream upstream = new FakeUpstream(0, token)) {
            Map<String, FakeAmbient> ambients = new LinkedHashMap<>();
            Map<String, BenchTarget> byName = new LinkedHashMap<>();
            for (String name : targets) {
                BenchTarget t = BenchTarget.of(repo, name, token);
                if (!Files.exists(t.jar())) {
                    throw new IllegalStateException(t.jar() + " does not exist: package it first");
                }
                byName.put(name, t);
                if (!t.isFloor()) {
                    ambients.put(name, t.ambient(upstream.baseUrl(), token));
                }
                List<String> o = new ArrayList<>(t.isFloor() || !args.has("jvm-options") ? t.jvmOptions() : args.words("jvm-options"));
                if (!maxRam.equals("none")) {
                    o.add("-XX:MaxRAM=" + maxRam);
                }
                o.addAll(args.words("extra-jvm"));
                options.put(name, o);
                results.put(name, new ArrayList<>());
            }
            System.out.printf("java: %s (%s)%n", java, javaVersion(java));
            options.forEach((name, o) -> System.out.printf("options %-10s %s%n", name, String.join(" ", o)));
            for (int run = 0; run < runs; run++) {
                for (String name : targets) {
                    BenchTarget t = byName.get(name);
                    FakeAmbient ambient = ambients.get(name);
                    Map<String, String> env = t.isFloor() ? Map.of() : t.env(ambient, upstream.baseUrl());
                    Run r = measure(t, java, options.get(name), env, calls);
                    results.get(name).add(r);
                    System.out.printf("run %d %-10s ready %5.0f ms  cpu %5.0f ms  rss %5.1f MB  first call %5.0f ms  "
                            + "after %d calls %5.1f MB (anon %.1f, file %.1f)%s%n", run + 1, name, r.readyMs(),
                            r.cpuToReadyMs(), r.rssReadyMb(), r.firstCallMs(), calls, r.rssAfterMb(), r.anonAfterMb(),
                            r.fileAfterMb(), r.errors() > 0 ? "  ERRORS " + r.errors() : "");
                }
            }
            ambients.values().forEach(FakeAmbient::close);
        }
        System.out.println();
        System.out.printf("%d runs per target, median [min-max]; goals per sidecar: ready <= 800 ms, RSS after %d calls <= 80 MB%n",
                runs, calls);
        System.out.printf("%-10s | %-22s | %-22s | %-22s | %-22s | %-22s%n", "target", "ready (ms)", "CPU to ready (ms)",
                "RSS at ready (MB)", "first call (ms)", "RSS after " + calls + " (MB)");
        results.forEach((name, list) -> System.out.printf("%-10s | %-22s | %-22s | %-22s | %-22s | %-22s%n", name,
                stats(list, Run::readyMs).spread(0), stats(list, Run::cpuToReadyMs).spread(0),
                stats(list, Run::rssReadyMb).spread(1), stats(list, Run::firstCallMs).spread(0),
                stats(list, Run::rssAfterMb).spread(1)));
        System.exit(0);
    }

    static Stats stats(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return new Stats(runs.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    static Run measure(BenchTarget t, Path java, List<String> options, Map<String, String> env, int calls) throws Exception {
        try (SidecarLauncher p = SidecarLauncher.builder().java(java).jar(t.jar()).directory(t.jar().getParent())
                .jvmOptions(options).env(env).watchPorts(false).start()) {
            int readyPort = t.isFloor() ? p.port : p.managementPort;
            long deadline = p.startedAt + Duration.ofSeconds(60).toNanos();
            while (Probe.status(readyPort, "/q/health/ready") != 200) {
                if (!p.process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(t.provider() + " did not become ready:\n" + p.output());
                }
                Thread.sleep(5);
            }
            double readyMs = (System.nanoTime() - p.startedAt) / 1e6;
            ProcStats atReady = ProcStats.of(p.process.pid());
            int errors = 0;
            double firstCallMs = 0;
            if (t.isFloor()) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest post = HttpRequest.newBuilder(URI.create(p.baseUrl() + "/mcp"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                        .header("Content-Type", "application/json").build();
                for (int i = 0; i < calls; i++) {
                    long s = System.nanoTime();
                    errors += http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode() == 200 ? 0 : 1;
                    if (i == 0) {
                        firstCallMs = (System.nanoTime() - s) / 1e6;
                    }
                }
            } else {
                McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
                for (int i = 0; i < calls; i++) {
                    long s = System.nanoTime();
                    if (McpHttpClient.isError(mcp.call(t.tool(), Map.of()))) {
                        errors++;
                    }
                    if (i == 0) {
                        firstCallMs = (System.nanoTime() - s) / 1e6;
                    }
                }
                McpHttpClient.TRANSCRIPT.clear();
            }
            ProcStats after = ProcStats.of(p.process.pid());
            if (Boolean.getBoolean("bench.nmt")) {
                printNativeMemory(java, p.process.pid());
            }
            if (errors > 0) {
                System.out.println(p.output());
            }
            return new Run(readyMs, atReady.cpuMillis(), atReady.rssKb() / 1024.0, firstCallMs, after.rssKb() / 1024.0,
                    after.rssAnonKb() / 1024.0, after.rssFileKb() / 1024.0, errors);
        }
    }

    /** With {@code -Dbench.nmt=true} and {@code --extra-jvm -XX:NativeMemoryTracking=summary}: where the memory is. */
    static void printNativeMemory(Path java, long pid) throws Exception {
        Path jcmd = java.resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        out.lines().filter(l -> l.contains("committed=") && (l.startsWith("-") || l.startsWith("Total")))
                .forEach(l -> System.out.println("  nmt " + l.strip()));
    }

    static String javaVersion(Path java) throws Exception {
        Process v = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String out = new String(v.getInputStream().readAllBytes());
        v.waitFor();
        return out.lines().skip(1).findFirst().orElse("?").strip();
    }
}
