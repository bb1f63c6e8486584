package io.ambientcode.sidecar.bench;

import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tool-call overhead (issue 9): the same upstream request made by a sidecar's simple tool (MCP {@code tools/call} over
 * streamable HTTP, the sidecar calling the fake upstream with the credential) and sent straight to the fake upstream,
 * by 16 concurrent clients, in one run. After a warm-up of both paths, rounds alternate between the two paths so drift
 * of the machine hits both alike; prints p50 and p99 of each and their ratio. Builds nothing; run it through
 * {@code bench/tool-call-overhead.sh}.
 *
 * <p>Options: {@code --repo DIR}, {@code --target github} (or jira, google, kubeconfig), {@code --clients 16},
 * {@code --calls 300} (per client and path, per round), {@code --rounds 4}, {@code --warmup 200} (per client and path),
 * {@code --upstream-delay-ms 0} (the fake upstream's answer time), {@code --java PATH}, {@code --max-ram 256m},
 * {@code --extra-jvm "..."}.
 */
public final class OverheadBench {

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        Path repo = args.path("repo", ".");
        String name = args.get("target", "github");
        int clients = args.integer("clients", 16);
        int calls = args.integer("calls", 300);
        int rounds = args.integer("rounds", 4);
        int warmup = args.integer("warmup", 200);
        long delay = args.integer("upstream-delay-ms", 0);
        Path java = args.path("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String maxRam = args.get("max-ram", "256m");

        String token = "bench-" + UUID.randomUUID();
        BenchTarget target = BenchTarget.of(repo, name, token);
        List<String> options = new ArrayList<>(target.jvmOptions());
        if (!maxRam.equals("none")) {
            options.add("-XX:MaxRAM=" + maxRam);
        }
        options.addAll(args.words("extra-jvm"));
        System.out.printf("java: %s (%s)%noptions: %s%n", java, FootprintBench.javaVersion(java), String.join(" ", options));
        try (FakeUpstream upstream = new FakeUpstream(delay, token);
                FakeAmbient ambient = target.ambient(upstream.baseUrl(), token);
                SidecarLauncher p = SidecarLauncher.builder().java(java).jar(target.jar()).directory(target.jar().getParent())
                        .jvmOptions(options).env(target.env(ambient, upstream.baseUrl())).watchPorts(false).start()) {
            p.awaitReady(Duration.ofSeconds(60));
            List<Client> direct = new ArrayList<>();
            List<Client> viaSidecar = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                direct.add(new Direct(upstream.baseUrl() + target.upstreamPath(), target.upstreamAuth()));
                viaSidecar.add(new ViaSidecar(new McpHttpClient(p.baseUrl()).initialize(), target.tool()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicInteger errors = new AtomicInteger();
            phase(pool, direct, warmup, errors);
            phase(pool, viaSidecar, warmup, errors);
            List<Long> directNs = Collections.synchronizedList(new ArrayList<>());
            List<Long> sidecarNs = Collections.synchronizedList(new ArrayList<>());
            for (int round = 0; round < rounds; round++) {
                directNs.addAll(phase(pool, direct, calls, errors));
                sidecarNs.addAll(phase(pool, viaSidecar, calls, errors));
                McpHttpClient.TRANSCRIPT.clear();
            }
            pool.shutdown();
            Stats d = new Stats(directNs.stream().map(ns -> ns / 1e6).toList());
            Stats s = new Stats(sidecarNs.stream().map(ns -> ns / 1e6).toList());
            System.out.printf("%n%s: tool %s vs GET %s straight to the fake upstream (answering after %d ms), %d clients, "
                    + "%d calls per path (%d rounds), errors %d%n", name, target.tool(), target.upstreamPath(), delay,
                    clients, s.size(), rounds, errors.get());
            System.out.printf("%-8s | %-10s | %-10s | %-10s%n", "", "direct", "sidecar", "ratio");
            System.out.printf("%-8s | %-10.2f | %-10.2f | %-10.2f%n", "p50 (ms)", d.median(), s.median(), s.median() / d.median());
            System.out.printf("%-8s | %-10.2f | %-10.2f | %-10.2f%n", "p99 (ms)", d.percentile(99), s.percentile(99),
                    s.percentile(99) / d.percentile(99));
            System.out.printf("goal: ratio <= 1.3 at p50 and <= 2 at p99; added latency at p50 %.2f ms%n", s.median() - d.median());
        }
    }

    /** One client's way of making the request; each client is used by one thread at a time. */
    interface Client {
        boolean call() throws Exception;
    }

    record Direct(HttpClient http, HttpRequest request) implements Client {
        Direct(String url, String authorization) {
            this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization).header("Accept", "application/json").GET().build());
        }

        @Override
        public boolean call() throws Exception {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        }
    }

    record ViaSidecar(McpHttpClient mcp, String tool) implements Client {
        @Override
        public boolean call() {
            return !McpHttpClient.isError(mcp.call(tool, Map.of()));
        }
    }

    /** Every client makes {@code calls} calls, concurrently; returns each call's duration in ns. */
    static List<Long> phase(ExecutorService pool, List<Client> clients, int calls, AtomicInteger errors) throws Exception {
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (Client c : clients) {
            Callable<List<Long>> task = () -> {
                List<Long> ns = new ArrayList<>(calls);
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    if (!c.call()) {
                        errors.incrementAndGet();
                    }
                    ns.add(System.nanoTime() - t0);
                }
                return ns;
            };
            futures.add(pool.submit(task));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        return all;
    }
}
