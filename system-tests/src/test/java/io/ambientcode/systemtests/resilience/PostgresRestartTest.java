package io.ambientcode.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.systemtests.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, scenario 3: PostgreSQL (the run's private server) is stopped for 10 s while writers create credentials
 * through the API as fast as it answers. Every request is answered, quickly, either 2xx (then the credential is in the
 * database after recovery: no committed write lost) or 503 problem+json {@code database_unavailable} with
 * {@code Retry-After}; nothing else (no 500, no hang). After the server is back, the API answers 2xx again by itself.
 */
@Order(940)
@ExtendWith(ResilienceWorldExtension.class)
class PostgresRestartTest {

    static final String SCENARIO = "3 PostgreSQL restarted under load";
    static final int WRITERS = 4;
    static final Duration BEFORE = Duration.ofSeconds(3);
    static final Duration DOWN = Duration.ofSeconds(10);
    static final Duration AFTER = Duration.ofSeconds(5);
    /** No request may take longer than this (the test client's own timeout is 30 s). */
    static final long ANSWER_BOUND_MS = 15_000;

    private final ResilienceWorld world = ResilienceWorld.get();

    @Test
    void apiAnswers503WithRetryAfterAndLosesNoCommittedWrite() throws Exception {
        if (world.postgres().isEmpty()) {
            ResilienceSummary.skipped(SCENARIO, "no PostgreSQL server binaries under /usr/lib/postgresql (install the Debian package postgresql)");
            Assumptions.abort("no PostgreSQL server binaries under /usr/lib/postgresql: cannot run a private server to restart");
        }
        PrivatePostgres pg = world.postgres().orElseThrow();
        ResilienceSummary.run(SCENARIO, WRITERS + " writers POST credentials continuously; PostgreSQL stopped (fast) for "
                + DOWN.toSeconds() + " s, started again; every reply classified; every 2xx id looked up in the database", () -> {
            Set<String> committed = ConcurrentHashMap.newKeySet();
            Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> unexpected = new CopyOnWriteArrayList<>();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger withoutRetryAfter = new AtomicInteger();
            AtomicLong slowest = new AtomicLong();
            AtomicLong firstSuccessAfterStart = new AtomicLong(-1);
            AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            String url = "http://127.0.0.1:" + world.github().upstream().port() + "/api/v3";
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                pool.submit(() -> {
                    while (running.get()) {
                        int n = sequence.incrementAndGet();
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("name", "pg-restart-" + n);
                        body.put("provider", "github");
                        body.put("token", "ghp_pgrestart" + n + "x".repeat(20));
                        body.put("url", url);
                        long t = System.nanoTime();
                        Http.Response r;
                        try {
                            r = world.alice().post(CredentialApiPaths.BASE + "/credentials", body);
                        } catch (RuntimeException e) {
                            unexpected.add("no answer: " + e);
                            continue;
                        }
                        long ms = (System.nanoTime() - t) / 1_000_000;
                        slowest.accumulateAndGet(ms, Math::max);
                        statuses.computeIfAbsent(Integer.toString(r.status()), k -> new AtomicInteger()).incrementAndGet();
                        if (r.status() == 201 || r.status() == 200) {
                            committed.add(r.json().path("id").asText());
                            if (System.nanoTime() > restartedAt.get()) {
                                firstSuccessAfterStart.compareAndSet(-1, (System.nanoTime() - restartedAt.get()) / 1_000_000);
                            }
                        } else if (r.status() == 503) {
                            unavailable.incrementAndGet();
                            if (r.headers().firstValue("Retry-After").isEmpty()) {
                                withoutRetryAfter.incrementAndGet();
                            }
                            if (!r.contentType().startsWith("application/problem+json") || !"database_unavailable".equals(r.code())) {
                                unexpected.add("503 " + r.contentType() + " " + r.body());
                            }
                        } else {
                            unexpected.add(r.status() + " " + r.body());
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(BEFORE.toMillis());
            ResilienceSummary.did(SCENARIO, "stopping PostgreSQL on port " + pg.port() + " under load (" + committed.size()
                    + " credentials created so far)");
            pg.stop();
            Thread.sleep(DOWN.toMillis());
            int during503 = unavailable.get();
            ResilienceSummary.did(SCENARIO, "starting PostgreSQL again");
            pg.start();
            restartedAt.set(System.nanoTime());
            Thread.sleep(AFTER.toMillis());
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("writers finished").isTrue();

            Set<String> stored = new HashSet<>(world.database().credentialIds());
            List<String> lost = new ArrayList<>(committed);
            lost.removeIf(stored::contains);
            ResilienceSummary.observed(SCENARIO, "replies " + statuses + ", unexpected " + unexpected.size()
                    + ", slowest " + slowest.get() + " ms, first 2xx " + firstSuccessAfterStart.get() + " ms after the restart");
            assertThat(unexpected).as("replies other than 2xx or 503 database_unavailable").isEmpty();
            assertThat(during503).as("503 answers while PostgreSQL was down").isPositive();
            assertThat(withoutRetryAfter.get()).as("503 answers without Retry-After").isZero();
            assertThat(firstSuccessAfterStart.get()).as("2xx again after the restart, without restarting the API").isNotNegative();
            assertThat(slowest.get()).as("slowest answer (ms)").isLessThan(ANSWER_BOUND_MS);
            assertThat(lost).as("credentials answered 2xx but missing from the database").isEmpty();
            assertThat(world.services().credentialApi().isAlive()).isTrue();
            return statuses.values().stream().mapToInt(AtomicInteger::get).sum() + " requests: " + committed.size()
                    + " created (all " + committed.size() + " in the database after recovery, 0 lost), " + unavailable.get()
                    + " answered 503 database_unavailable with Retry-After, 0 other; slowest " + slowest.get()
                    + " ms; 2xx again " + firstSuccessAfterStart.get() + " ms after PostgreSQL started, same API process";
        });
    }
}
