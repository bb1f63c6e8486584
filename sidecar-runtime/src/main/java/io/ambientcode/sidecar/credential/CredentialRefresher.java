package io.ambientcode.sidecar.credential;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.exchange.CredentialFailure;
import io.ambientcode.sidecar.exchange.SessionToken;
import io.ambientcode.sidecar.exchange.TokenExchangeClient;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
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
 * Keeps the credential fresh. Four triggers, one code path ({@link #refreshNow}, one at a time: exchange, fetch, the
 * provider module's {@code validate} and {@code prepare}, then swap): the first load at start (retrying transient
 * failures with backoff instead of exiting), the schedule before the session token or credential expires, an upstream
 * refusal of the credential ({@link #refreshAfterRefusal}: a 401, an OAuth {@code invalid_grant}), and on demand
 * ({@link #refreshOnDemand}, rate-limited). A permanent refusal (403) drops the credential: fail closed. A credential
 * the module cannot use is never swapped in; fetching continues with backoff.
 */
public class CredentialRefresher {

    private static final Logger LOG = Logger.getLogger(CredentialRefresher.class);

    /** {@link #lastFailure()} after a successful refresh. */
    public static final String NO_FAILURE = "none";

    /** Where the refresher stands; readiness and tool errors report it. */
    public enum Status {
        STARTING, READY, FAILED
    }

    private final TokenExchangeClient exchange;
    private final CredentialFetchClient fetch;
    private final CredentialHolder holder;
    private final SidecarProviderModule module;
    private final SidecarConfig.Refresh config;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private volatile Status status = Status.STARTING;
    private volatile String lastFailure = "not started";
    private volatile Instant lastOnDemand;
    private ScheduledFuture<?> next;

    public CredentialRefresher(TokenExchangeClient exchange, CredentialFetchClient fetch, CredentialHolder holder,
            SidecarProviderModule module, SidecarConfig.Refresh config, Clock clock) {
        this.exchange = exchange;
        this.fetch = fetch;
        this.holder = holder;
        this.module = module;
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

    /**
     * Exchange, fetch, check, prepare and swap, now. One at a time: concurrent callers queue and the later ones refresh
     * again. The credential is published only once the module prepared it, so no call ever finds it half set up.
     */
    public synchronized Credential refreshNow() throws CredentialFailure {
        SessionToken session = exchange.exchange();
        Credential fresh = fetch.fetch(session);
        makeReady(fresh);
        holder.swap(fresh, session);
        status = Status.READY;
        lastFailure = NO_FAILURE;
        reschedule(session, fresh);
        return fresh;
    }

    /**
     * The upstream refused {@code used} (a 401, an OAuth {@code invalid_grant}): fetch the credential again, since the
     * user may have rotated it. If another caller already replaced that credential, the newer one is returned without
     * a new fetch (no refresh storm when many calls fail at once).
     *
     * @param reason what refused it, for the log (e.g. {@code "GitHub API answered 401"}); no values
     */
    public synchronized Credential refreshAfterRefusal(Credential used, String reason) throws CredentialFailure {
        Credential current = holder.current().orElse(null);
        if (current != null && current != used) {
            return current;
        }
        LOG.infof("credential %s was refused (%s): fetching it again once", used.credentialId(), reason);
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

    /** The module's check and preparation; either failing makes the credential unusable (never swapped in). */
    private void makeReady(Credential fresh) throws CredentialFailure {
        try {
            module.validate(fresh);
            module.prepare(fresh);
        } catch (UnusableCredentialException e) {
            throw CredentialFailure.unusable(fresh.credentialId(), holder.redactorIncluding(fresh).redact(e.getMessage()));
        } catch (CredentialUnavailableException e) {
            throw CredentialFailure.unusable(fresh.credentialId(), holder.redactorIncluding(fresh).redact(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf("preparing credential %s failed unexpectedly: %s", fresh.credentialId(), e.getClass().getName());
            throw CredentialFailure.unusable(fresh.credentialId(), "the " + module.provider().id()
                    + " sidecar could not set up its client (" + e.getClass().getSimpleName() + ")");
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
            holder.noteUnavailable(f.getMessage());
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
