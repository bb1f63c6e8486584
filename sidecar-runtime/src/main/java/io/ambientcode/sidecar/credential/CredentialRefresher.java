package io.ambientcode.sidecar.credential;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.exchange.CredentialFailure;
import io.ambientcode.sidecar.exchange.SessionToken;
import io.ambientcode.sidecar.exchange.TokenExchangeClient;
import io.quarkus.runtime.Quarkus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the credential fresh. Four triggers, one code path ({@link #refreshNow}, exchange then fetch then swap, one at
 * a time): the first load at start (retrying transient failures with backoff instead of exiting), the schedule before
 * the session token or credential expires, an upstream 401 ({@link #refreshAfterUnauthorized}), and on demand
 * ({@link #refreshOnDemand}, rate-limited). A permanent refusal (403) drops the credential: fail closed.
 */
public class CredentialRefresher {

    private static final Logger LOG = Logger.getLogger(CredentialRefresher.class);

    /** Where the refresher stands; readiness and tool errors report it. */
    public enum Status {
        STARTING, READY, FAILED
    }

    private final TokenExchangeClient exchange;
    private final CredentialFetchClient fetch;
    private final CredentialHolder holder;
    private final SidecarConfig.Refresh config;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private volatile Status status = Status.STARTING;
    private volatile String lastFailure = "not started";
    private volatile Instant lastOnDemand;
    private ScheduledFuture<?> next;

    public CredentialRefresher(TokenExchangeClient exchange, CredentialFetchClient fetch, CredentialHolder holder,
            SidecarConfig.Refresh config, Clock clock) {
        this.exchange = exchange;
        this.fetch = fetch;
        this.holder = holder;
        this.config = config;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "credential-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the first load in the background; the HTTP server is up meanwhile, readiness says DOWN. */
    public void start() {
        schedule(Duration.ZERO, 0);
    }

    public Status status() {
        return status;
    }

    /** The last failure, safe to show (stage, status, code). */
    public String lastFailure() {
        return lastFailure;
    }

    /** Exchange, fetch and swap, now. One at a time: concurrent callers queue and the later ones refresh again. */
    public synchronized Credential refreshNow() throws CredentialFailure {
        SessionToken session = exchange.exchange();
        Credential fresh = fetch.fetch(session);
        holder.swap(fresh, session);
        status = Status.READY;
        lastFailure = "none";
        reschedule(session, fresh);
        return fresh;
    }

    /**
     * The upstream answered 401 to a call made with {@code used}. If another caller already replaced that credential,
     * the newer one is returned without a new fetch (no refresh storm when many calls fail at once).
     */
    public synchronized Credential refreshAfterUnauthorized(Credential used) throws CredentialFailure {
        Credential current = holder.current().orElse(null);
        if (current != null && current != used) {
            return current;
        }
        LOG.infof("upstream refused credential %s (401): refreshing once", used.credentialId());
        try {
            return refreshNow();
        } catch (CredentialFailure f) {
            onFailure(f, false);
            throw f;
        }
    }

    /** {@code refresh_credentials} / {@code POST /refresh}: at most once per configured interval. */
    public RefreshResult refreshOnDemand() {
        synchronized (this) {
            Instant now = clock.instant();
            if (lastOnDemand != null) {
                Duration since = Duration.between(lastOnDemand, now);
                if (since.compareTo(config.onDemandMinInterval()) < 0) {
                    Duration wait = config.onDemandMinInterval().minus(since);
                    return new RefreshResult.TooEarly(wait.plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                }
            }
            lastOnDemand = now;
            try {
                Credential fresh = refreshNow();
                return new RefreshResult.Refreshed(fresh.credentialId());
            } catch (CredentialFailure f) {
                onFailure(f, false);
                return new RefreshResult.Failed(f.getMessage(), f.permanent());
            }
        }
    }

    /** Stops the schedule (application shutdown). */
    public void stop() {
        scheduler.shutdownNow();
    }

    private void attempt(int failures) {
        try {
            refreshNow();
        } catch (CredentialFailure f) {
            boolean startup = holder.current().isEmpty() && status == Status.STARTING;
            onFailure(f, startup);
            if (!f.permanent()) {
                Duration delay = backoff.delay(failures, () -> ThreadLocalRandom.current().nextDouble());
                LOG.warnf("%s; retrying in %d ms", f.getMessage(), delay.toMillis());
                schedule(delay, failures + 1);
            }
        } catch (RuntimeException e) {
            LOG.errorf("credential refresh failed unexpectedly: %s", e.getClass().getName());
            schedule(backoff.delay(failures, () -> ThreadLocalRandom.current().nextDouble()), failures + 1);
        }
    }

    private void onFailure(CredentialFailure f, boolean startup) {
        lastFailure = f.getMessage();
        if (!f.permanent()) {
            return;
        }
        status = Status.FAILED;
        holder.drop(f.getMessage());
        LOG.errorf("credential refused permanently, no credential is held: %s", f.getMessage());
        if (startup && config.exitOnPermanentStartupFailure()) {
            LOG.error("stopping: this sidecar can never serve (check the session phase and the proof secret)");
            Quarkus.asyncExit(2);
        }
    }

    private synchronized void reschedule(SessionToken session, Credential credential) {
        Duration delay = RefreshSchedule.nextDelay(clock.instant(), session.expiresAt(), credential.expiresAt(),
                config.beforeExpiry(), config.minimumDelay());
        LOG.debugf("next credential refresh in %d s", delay.toSeconds());
        schedule(delay, 0);
    }

    private synchronized void schedule(Duration delay, int failures) {
        if (next != null) {
            next.cancel(false);
        }
        if (!scheduler.isShutdown()) {
            next = scheduler.schedule(() -> attempt(failures), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
