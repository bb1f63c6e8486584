package io.ambientcode.tokenserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.ambientcode.contracts.session.SessionPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue 9: the token server's throughput over real HTTP, beside the JMH bare RSA-4096 OAEP decrypt, in one run. Not
 * a test (surefire never runs it); {@code bench/services.sh} runs it with {@code java -cp <token-server test
 * classpath>}.
 *
 * <ol>
 * <li>Starts the packaged server ({@code target/quarkus-app/quarkus-run.jar}) as its own process in the {@code local}
 * profile, in a fresh data directory (so it generates its RSA-4096 exchange key and signing key there), with its
 * session directory pointed at a local session registry this driver serves on loopback (the control plane's
 * contract, {@link LocalSessionRegistry}), holding {@code bench.sessions} Running sessions with their proofs.</li>
 * <li>{@code bench.clients} client threads send {@code GET /token}, each request with its own assertion (unique
 * nonce, current {@code iat}, RSA-OAEP encrypted to the server's {@code /public-key}), first for
 * {@code bench.warmup.seconds}, then for {@code bench.seconds} measured. The assertions are built and encrypted
 * <em>before</em> each window, so the window measures the server and the HTTP client, not assertion building (they
 * are still fresh: each is used once, well within the 60 s clock skew). Every reply must be 200 with
 * {@code application/jose}; one reply per client is decrypted with its ephemeral key and checked after the window.
 * Any error fails the run (exit 1).</li>
 * <li>Stops the server, then runs {@link ExchangeBenchmark} in JMH (its own forked JVM, nothing else running from
 * this driver): {@code bareRsa4096OaepDecrypt} and {@code fullExchange} at {@code bench.jmh.threads} threads (default
 * 2, the cores of the machine the figures are for) and {@code bareRsa4096OaepDecrypt} at one thread.</li>
 * </ol>
 *
 * <p>The session-token rate limit is raised for this run with the documented
 * {@code ambient.token.rate-limit-per-minute} (default 20 per session and provider per minute, which would refuse
 * almost all of a load test); every other setting is the server's default. Results go to stdout and, as
 * {@code key=value} lines for the script, to {@code bench.out}.
 *
 * <p>Properties: {@code bench.jar}, {@code bench.clients} (16), {@code bench.sessions} (64),
 * {@code bench.warmup.seconds} (20), {@code bench.seconds} (30, at most 45), {@code bench.out}
 * ({@code target/bench/token-server-load.properties}), {@code bench.jmh} (true), {@code bench.jmh.threads} (2),
 * {@code bench.server.java} (this JVM's java), {@code bench.server.opts} (extra JVM options for the server).
 */
public final class TokenServerLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PROVIDER = "github";

    private TokenServerLoad() {
    }

    record Session(String id, String proof, String credentialId) {
    }

    record Window(String name, long requests, Map<Integer, Long> errors, double seconds, long[] sortedNanos,
            boolean poolExhausted, double serverCpuSeconds, double clientCpuSeconds) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT,
                    "%-9s %7d req %4d err %8.1f exchanges/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  server CPU %4.0f%%"
                            + " of %d cores (%.1f ms/exchange), driver CPU %4.0f%%%s",
                    name, requests, errorCount(), perSecond(), percentileMillis(0.50), percentileMillis(0.99),
                    sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6,
                    100 * serverCpuSeconds / seconds / cores(), cores(),
                    requests == 0 ? 0 : 1000 * serverCpuSeconds / requests, 100 * clientCpuSeconds / seconds / cores(),
                    poolExhausted ? "  (assertion pool ran out: window ended early)" : "");
        }
    }

    public static void main(String[] args) {
        try {
            System.exit(runAll());
        } catch (Throwable e) {
            // The HTTP client and registry threads are not daemons: leave explicitly, and say why.
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static int runAll() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "token-server/target/quarkus-app/quarkus-run.jar"));
        int clients = Integer.getInteger("bench.clients", 16);
        int sessionCount = Integer.getInteger("bench.sessions", 64);
        int warmupSeconds = Integer.getInteger("bench.warmup.seconds", 20);
        int seconds = Integer.getInteger("bench.seconds", 30);
        Path out = Path.of(System.getProperty("bench.out", "target/bench/token-server-load.properties"));
        boolean jmh = Boolean.parseBoolean(System.getProperty("bench.jmh", "true"));
        int jmhThreads = Integer.getInteger("bench.jmh.threads", 2);
        if (seconds > 45 || warmupSeconds > 45) {
            throw new IllegalArgumentException("bench.seconds and bench.warmup.seconds must be at most 45: assertions are "
                    + "built before the window and must stay within the server's 60 s clock skew");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the token server first (./mvnw -B install -DskipTests)");
        }

        Map<String, String> results = new LinkedHashMap<>();
        results.put("cores", String.valueOf(cores()));
        results.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.put("loadavg.start", loadAverage());

        Path dataDir = Files.createTempDirectory("token-server-load",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String registryKey = randomBase64Url(32);
        Files.writeString(dataDir.resolve(LocalSessionRegistry.KEY_FILE), registryKey);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.add(new Session(String.format(Locale.ROOT, "bench-%04d-%s", i, randomHex(8)), randomBase64Url(32),
                    String.format(Locale.ROOT, "cred-bench-%04d", i)));
        }
        Map<String, Session> byId = new ConcurrentHashMap<>();
        sessions.forEach(s -> byId.put(s.id(), s));
        AtomicLong registryLookups = new AtomicLong();
        HttpServer registry = startRegistry(registryKey, byId, registryLookups);
        int port = freePort();
        Path log = out.resolveSibling("token-server-load-server.log");
        Files.createDirectories(out.toAbsolutePath().getParent());

        List<String> command = new ArrayList<>();
        command.add(System.getProperty("bench.server.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String serverOpts = System.getProperty("bench.server.opts", "").strip();
        if (!serverOpts.isEmpty()) {
            command.addAll(Arrays.asList(serverOpts.split("\\s+")));
        }
        command.addAll(List.of(
                "-Dquarkus.profile=local",
                "-Dambient.data-dir=" + dataDir,
                "-Dquarkus.http.port=" + port,
                "-Dambient.token.sessions.local.url=http://127.0.0.1:" + registry.getAddress().getPort(),
                "-Dambient.token.rate-limit-per-minute=1000000",
                "-jar", jar.toAbsolutePath().toString()));
        System.out.println("token server: " + String.join(" ", command));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        int exit = 0;
        try {
            long started = System.nanoTime();
            awaitReady(http, base, server, log);
            System.out.printf(Locale.ROOT, "token server ready in %.1f s (keys generated into a fresh data directory), "
                    + "%d sessions in the local registry, %d clients%n", (System.nanoTime() - started) / 1e9, sessionCount, clients);
            RSAPublicKey exchangeKey = Pem.parseRsaPublicKey(get(http, base + "/public-key"));
            KeyPair[] ephemeral = new KeyPair[clients];
            EcPublicJwk[] epks = new EcPublicJwk[clients];
            for (int c = 0; c < clients; c++) {
                ephemeral[c] = EcKeys.generateP256();
                epks[c] = EcPublicJwk.of((ECPublicKey) ephemeral[c].getPublic());
            }
            URI token = URI.create(base + "/token");

            Pool warm = Pool.build(Math.max(4000, clients * 100), sessions, epks, exchangeKey);
            Window warmup = run(http, token, warm, clients, warmupSeconds, "warm-up", server, ephemeral);
            System.out.println(warmup.line());
            // Enough for the window even if the server runs much faster than in a (JIT-cold, possibly disturbed) warm-up:
            // 250 exchanges/s per core is above the bare RSA-4096 decrypt rate of any core this runs on.
            int size = (int) Math.min(150_000, Math.max(250L * cores() * seconds, Math.ceil(warmup.perSecond() * seconds * 3)));
            long buildStart = System.nanoTime();
            Pool measured = Pool.build(size, sessions, epks, exchangeKey);
            System.out.printf(Locale.ROOT, "built %d fresh assertions in %.1f s (outside the window)%n", size,
                    (System.nanoTime() - buildStart) / 1e9);
            Window window = run(http, token, measured, clients, seconds, "measured", server, ephemeral);
            System.out.println(window.line());
            if (!window.errors().isEmpty()) {
                System.out.println("errors by HTTP status: " + window.errors());
            }
            results.put("ts.clients", String.valueOf(clients));
            results.put("ts.sessions", String.valueOf(sessionCount));
            results.put("ts.seconds", String.format(Locale.ROOT, "%.1f", window.seconds()));
            results.put("ts.requests", String.valueOf(window.requests()));
            results.put("ts.errors", String.valueOf(window.errorCount() + warmup.errorCount()));
            results.put("ts.exchanges_per_s", String.format(Locale.ROOT, "%.1f", window.perSecond()));
            results.put("ts.p50_ms", String.format(Locale.ROOT, "%.1f", window.percentileMillis(0.50)));
            results.put("ts.p99_ms", String.format(Locale.ROOT, "%.1f", window.percentileMillis(0.99)));
            results.put("ts.server_cpu_pct", String.format(Locale.ROOT, "%.0f", 100 * window.serverCpuSeconds() / window.seconds() / cores()));
            results.put("ts.server_cpu_ms_per_exchange", String.format(Locale.ROOT, "%.1f",
                    1000 * window.serverCpuSeconds() / Math.max(1, window.requests())));
            results.put("ts.driver_cpu_pct", String.format(Locale.ROOT, "%.0f", 100 * window.clientCpuSeconds() / window.seconds() / cores()));
            results.put("ts.registry_lookups", String.valueOf(registryLookups.get()));
            results.put("ts.pool_exhausted", String.valueOf(window.poolExhausted()));
            results.put("loadavg.after_http", loadAverage());
            if (window.errorCount() + warmup.errorCount() > 0 || window.requests() == 0) {
                System.out.println("FAILED: every exchange must succeed (server log: " + log + ")");
                exit = 1;
            }
        } finally {
            server.destroy();
            if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            registry.stop(0);
            deleteTree(dataDir);
        }

        if (jmh && exit == 0) {
            String benchmark = ExchangeBenchmark.class.getName();
            System.out.println("JMH " + benchmark + ": bareRsa4096OaepDecrypt and fullExchange at " + jmhThreads
                    + " threads, then bareRsa4096OaepDecrypt at 1 thread (token server stopped)");
            Collection<RunResult> multi = new Runner(new OptionsBuilder()
                    .include(java.util.regex.Pattern.quote(benchmark) + "\\.(bareRsa4096OaepDecrypt|fullExchange)$")
                    .threads(jmhThreads).forks(1).shouldFailOnError(true).build()).run();
            Collection<RunResult> single = new Runner(new OptionsBuilder()
                    .include(java.util.regex.Pattern.quote(benchmark) + "\\.bareRsa4096OaepDecrypt$")
                    .threads(1).forks(1).shouldFailOnError(true).build()).run();
            results.put("jmh.threads", String.valueOf(jmhThreads));
            for (RunResult r : multi) {
                String name = r.getParams().getBenchmark().substring(benchmark.length() + 1);
                results.put("jmh." + name + ".t" + jmhThreads, String.format(Locale.ROOT, "%.1f", r.getPrimaryResult().getScore()));
                results.put("jmh." + name + ".t" + jmhThreads + ".error", String.format(Locale.ROOT, "%.1f",
                        r.getPrimaryResult().getScoreError()));
            }
            for (RunResult r : single) {
                results.put("jmh.bareRsa4096OaepDecrypt.t1", String.format(Locale.ROOT, "%.1f", r.getPrimaryResult().getScore()));
                results.put("jmh.bareRsa4096OaepDecrypt.t1.error", String.format(Locale.ROOT, "%.1f",
                        r.getPrimaryResult().getScoreError()));
            }
            results.put("loadavg.after_jmh", loadAverage());
        }

        StringBuilder text = new StringBuilder();
        results.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
        System.out.println("results: " + out.toAbsolutePath());
        System.out.print(text);
        return exit;
    }

    /** Fresh, single-use {@code Authorization} headers, built and encrypted before a window. */
    record Pool(String[] headers, int[] clientOf, Instant builtAt) {

        static Pool build(int size, List<Session> sessions, EcPublicJwk[] epks, RSAPublicKey exchangeKey) {
            long iat = Instant.now().getEpochSecond();
            String[] headers = new String[size];
            int[] clientOf = new int[size];
            IntStream.range(0, size).parallel().forEach(i -> {
                Session s = sessions.get(i % sessions.size());
                int client = i % epks.length;
                clientOf[i] = client;
                headers[i] = ExchangeCodec.authorizationHeader(
                        ExchangeAssertion.create(s.id(), PROVIDER, s.proof(), epks[client], iat), exchangeKey);
            });
            return new Pool(headers, clientOf, Instant.now());
        }
    }

    private static Window run(HttpClient http, URI token, Pool pool, int clients, int seconds, String name, Process server,
            KeyPair[] ephemeral) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        Map<Integer, Long> errors = new ConcurrentHashMap<>();
        String[] lastReply = new String[clients];
        int[] lastClient = new int[clients];
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int thread = t;
            futures.add(threads.submit(() -> {
                long[] latencies = new long[1 << 12];
                int n = 0;
                start.await();
                while (System.nanoTime() < deadline[0]) {
                    int i = next.getAndIncrement();
                    if (i >= pool.headers().length) {
                        break;
                    }
                    HttpRequest request = HttpRequest.newBuilder(token).header("Authorization", pool.headers()[i])
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    long t0 = System.nanoTime();
                    int status;
                    String body = null;
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        body = r.body();
                        if (status == 200 && !r.headers().firstValue("Content-Type").orElse("").startsWith(Jwe.MEDIA_TYPE)) {
                            status = -2;
                        }
                    } catch (IOException e) {
                        status = -1;
                    }
                    long elapsed = System.nanoTime() - t0;
                    if (status != 200) {
                        errors.merge(status, 1L, Long::sum);
                    } else {
                        lastReply[thread] = body;
                        lastClient[thread] = pool.clientOf()[i];
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = elapsed;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        double serverCpu0 = cpuSeconds(server.toHandle());
        double clientCpu0 = cpuSeconds(ProcessHandle.current());
        long begin = System.nanoTime();
        deadline[0] = begin + Duration.ofSeconds(seconds).toNanos();
        start.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        double serverCpu = cpuSeconds(server.toHandle()) - serverCpu0;
        double clientCpu = cpuSeconds(ProcessHandle.current()) - clientCpu0;
        threads.shutdownNow();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        // One reply per client thread, opened as the sidecar would: the JWE to its ephemeral key, then the JWT's claims.
        for (int t = 0; t < clients; t++) {
            if (lastReply[t] != null && !verify(lastReply[t], (ECPrivateKey) ephemeral[lastClient[t]].getPrivate())) {
                errors.merge(-3, 1L, Long::sum);
            }
        }
        Map<Integer, Long> sortedErrors = new TreeMap<>(errors);
        long ok = merged.length - sortedErrors.values().stream().mapToLong(Long::longValue).sum();
        return new Window(name, Math.max(0, ok), sortedErrors, elapsed, merged, next.get() >= pool.headers().length,
                serverCpu, clientCpu);
    }

    private static boolean verify(String jwe, ECPrivateKey key) {
        try {
            ExchangeReply reply = JSON.readValue(Jwe.decrypt(jwe, key), ExchangeReply.class);
            String[] parts = reply.token().split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return ExchangeReply.TOKEN_TYPE.equals(reply.tokenType()) && parts.length == 3
                    && claims.path("sid").asText().startsWith("bench-") && PROVIDER.equals(claims.path("prv").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpServer startRegistry(String key, Map<String, Session> sessions, AtomicLong lookups) throws IOException {
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.setExecutor(Executors.newFixedThreadPool(2));
        registry.createContext(LocalSessionRegistry.PATH_PREFIX, exchange -> {
            lookups.incrementAndGet();
            String sid = exchange.getRequestURI().getPath().substring(LocalSessionRegistry.PATH_PREFIX.length());
            byte[] body = new byte[0];
            int status;
            Session s = sessions.get(sid);
            if (!("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
            } else if (s == null) {
                status = 404;
            } else {
                status = 200;
                body = JSON.writeValueAsBytes(new LocalSessionRegistry.View(s.id(), "bench", SessionPhase.Running,
                        Map.of(PROVIDER, s.credentialId()), Map.of(PROVIDER, s.proof())));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        registry.start();
        return registry;
    }

    private static void awaitReady(HttpClient http, String base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the token server exited with " + server.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the token server did not become ready within 180 s; see " + log);
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static double cpuSeconds(ProcessHandle process) {
        Optional<Duration> cpu = process.info().totalCpuDuration();
        return cpu.map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The 1-minute load average: other work on the machine shows here (the figures are only as quiet as the machine). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomBase64Url(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String randomHex(int chars) {
        StringBuilder s = new StringBuilder();
        while (s.length() < chars) {
            s.append(Integer.toHexString(RANDOM.nextInt(16)));
        }
        return s.toString();
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
