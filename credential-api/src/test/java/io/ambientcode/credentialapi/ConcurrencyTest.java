package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 5: 50 parallel patches of one credential lose no accepted write (each either applies, with its own new
 * version, or gets 409); 50 parallel creations of the same binding produce exactly one binding.
 */
@QuarkusTest
class ConcurrencyTest {

    private static final int PARALLEL = 50;

    record Result(int status, String etag, String body) {
    }

    @Test
    void parallelPatchesEitherApplyOrConflict() throws Exception {
        String owner = Jwts.user(Fixtures.unique("o")).mint();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        List<Result> results = race(i -> request(owner, "PATCH", Api.CREDENTIALS + "/" + id,
                "{\"description\":\"writer-" + i + "\",\"metadata\":{\"writer\":" + i + "}}"));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
        List<Result> accepted = results.stream().filter(r -> r.status() == 200).toList();
        assertThat(accepted).isNotEmpty();
        results.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.body()).contains("\"code\":\"version_conflict\""));
        // Every accepted write produced its own version: none was applied on top of a state another accepted write
        // had already replaced (that would be a lost update, showing as two writes with the same version).
        Map<Long, String> byVersion = new TreeMap<>();
        for (Result r : accepted) {
            long version = Long.parseLong(r.etag().replaceAll("[^0-9]", ""));
            assertThat(byVersion.put(version, r.body())).as("two accepted writes with version " + version).isNull();
        }
        assertThat(byVersion.keySet()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(2, 1 + accepted.size()).boxed().toList());
        // The stored state is the last accepted write, and the audit trail has exactly one entry per accepted write.
        String lastWriter = io.restassured.path.json.JsonPath.from(byVersion.get((long) (1 + accepted.size())))
                .getString("description");
        Api.as(owner).get(Api.CREDENTIALS + "/" + id).then().statusCode(200)
                .header("ETag", "\"v" + (1 + accepted.size()) + "\"")
                .body("description", org.hamcrest.Matchers.equalTo(lastWriter));
        assertThat(TestDb.count("SELECT COUNT(*) FROM audit_events WHERE credential_id = ? AND action = 'credential_update'",
                id)).isEqualTo(accepted.size());
    }

    @Test
    void parallelIdenticalBindingsProduceExactlyOne() throws Exception {
        String project = Fixtures.unique("race");
        String owner = Jwts.user(Fixtures.unique("o"), "project:" + project + ":admin").mint();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        for (String agentJson : new String[] { "", ",\"agent\":\"agent-a\"" }) {
            List<Result> results = race(i -> request(owner, "POST", Api.bindings(project),
                    "{\"credential_id\":\"" + id + "\"" + agentJson + "}"));
            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
            assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
            results.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.body()).contains("\"code\":\"duplicate_binding\""));
        }
        assertThat(TestDb.count("SELECT COUNT(*) FROM credential_bindings WHERE credential_id = ?", id)).isEqualTo(2);
        assertThat(TestDb.count("SELECT COUNT(*) FROM audit_events WHERE credential_id = ? AND action = 'binding_create'",
                id)).isEqualTo(2);
    }

    /** Runs the requests from 50 threads released at once. */
    private static List<Result> race(IntFunction<Callable<Result>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Callable<Result> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Callable<Result> request(String jwt, String method, String path, String body) {
        return () -> {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + jwt)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), r.headers().firstValue("ETag").orElse(null), r.body());
        };
    }
}
