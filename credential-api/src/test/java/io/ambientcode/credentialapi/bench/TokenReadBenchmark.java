package io.ambientcode.credentialapi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 7 (not in the default run: {@code ./mvnw -B -pl credential-api verify -Pbench}). 32 concurrent clients
 * over real HTTP against the service on real PostgreSQL: the token route (JWT verification via JWKS, credential and
 * binding lookup, AES-GCM open, audit insert and commit, JWE to the session key) beside {@code GET /whoami} (JWT
 * verification only), in the same run. Prints reads/s and p50/p99 and writes them to {@code target/bench/}.
 *
 * <p>Tunables (system properties): {@code bench.clients} (32), {@code bench.warmup.seconds} (10),
 * {@code bench.seconds} (20). The load generator runs in the same JVM and on the same cores as the service.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
class TokenReadBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));

    record Stats(String name, long requests, long errors, double seconds, double p50Millis, double p99Millis,
            double maxMillis) {

        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-34s %8d req %6d err %9.1f req/s   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms",
                    name, requests, errors, perSecond(), p50Millis, p99Millis, maxMillis);
        }
    }

    @Test
    void tokenReadsBesideATrivialAuthenticatedEndpoint() throws Exception {
        String project = Fixtures.unique("bench");
        String owner = Jwts.user(Fixtures.unique("o"), "project:" + project + ":admin").mint();
        String secret = Fixtures.githubToken();
        String id = Fixtures.createGithub(owner, secret);
        Fixtures.bind(owner, project, id, null);
        assertThat(Sessions.readPayload(project, "github", id).token()).isEqualTo(secret);

        String base = "http://localhost:" + RestAssured.port;
        List<String> sessionTokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sessionTokens.add(Jwts.session("bench-" + Fixtures.random(10), project, "github", List.of(id),
                    EcKeys.generateP256()).expiresIn(600).mint());
        }
        String user = Jwts.user(Fixtures.unique("u"), "project:" + project).expiresIn(600).mint();
        URI whoami = URI.create(base + Api.BASE + "/whoami");
        URI token = URI.create(base + Api.CREDENTIALS + "/" + id + "/token");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();

        run(http, "warm-up whoami", whoami, c -> user, WARMUP);
        run(http, "warm-up token", token, sessionTokens::get, WARMUP);
        Stats trivial = run(http, "GET /whoami (JWT only)", whoami, c -> user, MEASURE);
        Stats reads = run(http, "GET /credentials/{id}/token", token, sessionTokens::get, MEASURE);

        String report = String.join("\n",
                "credential-api benchmark: " + CLIENTS + " concurrent clients, " + MEASURE.toSeconds() + " s per endpoint after "
                        + WARMUP.toSeconds() + " s warm-up, " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                        + loadAverage(),
                trivial.line(),
                reads.line(),
                String.format(Locale.ROOT, "token reads / trivial: %.2f of the throughput, p50 x%.2f, p99 x%.2f",
                        reads.perSecond() / trivial.perSecond(), reads.p50Millis() / trivial.p50Millis(),
                        reads.p99Millis() / trivial.p99Millis()));
        System.out.println("\n" + report + "\n");
        Path out = Path.of("target", "bench", "token-read-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
        assertThat(reads.errors()).as("every token read succeeded").isZero();
        assertThat(trivial.errors()).isZero();
    }

    interface TokenFor {
        String forClient(int client);
    }

    private static Stats run(HttpClient http, String name, URI uri, TokenFor tokens, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + tokens.forClient(client))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                start.await();
                while (System.nanoTime() < deadline[0]) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long elapsed = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        errors[client]++;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = elapsed;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long begin = System.nanoTime();
        deadline[0] = begin + duration.toNanos();
        start.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdownNow();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long errorCount = Arrays.stream(errors).sum();
        Stats s = new Stats(name, merged.length, errorCount, seconds, percentile(merged, 0.50), percentile(merged, 0.99),
                merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6);
        System.out.println(s.line());
        return s;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
