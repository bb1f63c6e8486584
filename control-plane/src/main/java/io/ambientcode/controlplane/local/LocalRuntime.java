package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.controlplane.credentials.CredentialApiUnavailableException;
import io.ambientcode.controlplane.credentials.CredentialResolution;
import io.ambientcode.controlplane.kubernetes.CredentialBackoff;
import io.ambientcode.controlplane.kubernetes.SessionRequests;
import io.ambientcode.controlplane.kubernetes.SessionValidator;
import io.ambientcode.controlplane.kubernetes.StopRequest;
import io.ambientcode.controlplane.plan.PlanSettings;
import io.ambientcode.controlplane.plan.PlannedSidecar;
import io.ambientcode.controlplane.plan.ProofSource;
import io.ambientcode.controlplane.plan.Proofs;
import io.ambientcode.controlplane.plan.ResolvedCredentials;
import io.ambientcode.controlplane.plan.SidecarPlan;
import io.ambientcode.controlplane.plan.SidecarPlanner;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import io.ambientcode.controlplane.status.SessionStatuses;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The local runtime (ARCHITECTURE.md section 6): sessions live in a registry persisted in the data directory, and each
 * session's {@link SidecarPlan} (the same plan the Kubernetes runtime renders into a pod) becomes local processes.
 *
 * <p>Every live session is supervised on a fixed tick: validate, resolve credentials once per generation through the
 * credential API and store them before anything starts (the token server scopes tokens from them), plan, write the
 * proofs (0600 files, never argv or env), start or re-adopt each sidecar, then derive the status from the processes.
 * Ended sessions have no process and no proof left. A restart of the control plane reloads every session: live ones get
 * their sidecars back (the same processes when they survived a crash, else new ones on the same ports when free).
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalRuntime.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** Local session names are directory names too: DNS labels only. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final SessionStore store;
    private final LocalSettings settings;
    private final CredentialSource credentials;
    private final ExchangeKeySource exchangeKey;
    private final ProofSource proofSource;
    private final ReadinessProbe probe;
    private final Clock clock;
    private final CredentialBackoff credentialBackoff;
    private final ScheduledExecutorService scheduler;
    private final Map<String, LocalSession> byName = new ConcurrentHashMap<>();
    private final Map<String, String> nameById = new ConcurrentHashMap<>();
    private final ReentrantLock createLock = new ReentrantLock();
    private volatile boolean started;
    private volatile boolean closed;

    public LocalRuntime(SessionStore store, LocalSettings settings, CredentialSource credentials,
            ExchangeKeySource exchangeKey, ProofSource proofSource, ReadinessProbe probe, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.credentials = credentials;
        this.exchangeKey = exchangeKey;
        this.proofSource = proofSource;
        this.probe = probe;
        this.clock = clock;
        this.credentialBackoff = new CredentialBackoff(settings.credentialRetryInitial(), settings.credentialRetryMax());
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "local-runtime");
            t.setDaemon(true);
            return t;
        });
    }

    /** One session: its document, its sidecars, its proofs. Everything mutable is guarded by {@link #lock}. */
    private static final class LocalSession {
        final ReentrantLock lock = new ReentrantLock();
        AgenticSession resource;
        volatile AgenticSession snapshot;
        volatile Map<String, String> proofs = Map.of();
        List<SidecarProcess> sidecars;
        Instant nextAttempt = Instant.MIN;
        ScheduledFuture<?> tick;

        LocalSession(AgenticSession resource) {
            this.resource = resource;
            this.snapshot = SERIALIZATION.clone(resource);
        }

        String name() {
            return resource.getMetadata().getName();
        }
    }

    /** Loads every stored session; live ones are supervised again, ended ones are checked to have nothing left running. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        for (AgenticSession stored : store.loadAll()) {
            LocalSession s = new LocalSession(stored);
            register(s);
            if (isLive(stored)) {
                schedule(s);
            } else {
                s.lock.lock();
                try {
                    cleanUp(s);
                } finally {
                    s.lock.unlock();
                }
            }
        }
        LOG.infof("local runtime started: %d session%s in %s", byName.size(), byName.size() == 1 ? "" : "s",
                store.sessionsDir());
    }

    public boolean isStarted() {
        return started && !closed;
    }

    /** Creates a session from the document a cluster would get; it starts on the next tick. */
    public AgenticSession create(AgenticSession requested) {
        String name = requested.getMetadata() == null ? null : requested.getMetadata().getName();
        if (name == null || !NAME.matcher(name).matches()) {
            throw LocalSessionException.invalid("metadata.name must be a lower-case DNS label (" + NAME.pattern() + ")",
                    "metadata.name");
        }
        if (requested.getSpec() == null) {
            throw LocalSessionException.invalid("spec is required", "spec");
        }
        AgenticSession session = SERIALIZATION.clone(requested);
        session.getMetadata().setUid(UUID.randomUUID().toString());
        session.getMetadata().setCreationTimestamp(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        session.getMetadata().setGeneration(1L);
        session.getMetadata().setResourceVersion("1");
        List<String> problems = SessionValidator.problems(session);
        if (!problems.isEmpty()) {
            throw LocalSessionException.invalid(String.join("; ", problems), null);
        }
        AgenticSessionStatus status = new AgenticSessionStatus();
        status.setPhase(SessionPhase.Pending);
        session.setStatus(status);
        createLock.lock();
        try {
            if (byName.containsKey(name) || store.exists(name)) {
                throw LocalSessionException.conflict(name);
            }
            store.save(session);
            LocalSession s = new LocalSession(session);
            register(s);
            schedule(s);
            LOG.infof("session %s created (id %s, project %s)", name, session.sessionId(), session.getSpec().getProject());
            return SERIALIZATION.clone(s.snapshot);
        } finally {
            createLock.unlock();
        }
    }

    /** Every session, by name. */
    public List<AgenticSession> list() {
        return byName.values().stream().map(s -> SERIALIZATION.clone(s.snapshot))
                .sorted(Comparator.comparing(a -> a.getMetadata().getName())).toList();
    }

    public Optional<AgenticSession> get(String name) {
        LocalSession s = name == null ? null : byName.get(name);
        return s == null ? Optional.empty() : Optional.of(SERIALIZATION.clone(s.snapshot));
    }

    /** Stops the session now: its sidecars are stopped and its proofs deleted before this returns. */
    public AgenticSession stop(String name) {
        LocalSession s = Optional.ofNullable(byName.get(name)).orElseThrow(() -> LocalSessionException.notFound(name));
        s.lock.lock();
        try {
            if (!StopRequest.isRequested(s.resource) && !isEnded(s.resource)) {
                AgenticSession changed = SERIALIZATION.clone(s.resource);
                changed.getSpec().setStop(true);
                changed.getMetadata().setGeneration(changed.getMetadata().getGeneration() + 1);
                save(s, changed);
            }
            reconcile(s);
            return SERIALIZATION.clone(s.snapshot);
        } finally {
            s.lock.unlock();
        }
    }

    /** Deletes the session: processes stopped, its directory (proofs, logs) removed. */
    public void delete(String name) {
        LocalSession s = Optional.ofNullable(byName.get(name)).orElseThrow(() -> LocalSessionException.notFound(name));
        s.lock.lock();
        try {
            cancel(s);
            stopSidecars(s);
            store.delete(name);
            byName.remove(name);
            nameById.remove(s.resource.sessionId());
            LOG.infof("session %s deleted", name);
        } finally {
            s.lock.unlock();
        }
    }

    /** The token server's view of a session (registry API); proofs only while the session may mint tokens. */
    public Optional<LocalSessionRegistry.View> view(String sessionId) {
        String name = sessionId == null ? null : nameById.get(sessionId);
        LocalSession s = name == null ? null : byName.get(name);
        if (s == null) {
            return Optional.empty();
        }
        AgenticSession snapshot = s.snapshot;
        AgenticSessionStatus status = snapshot.getStatus();
        SessionPhase phase = status == null || status.getPhase() == null ? SessionPhase.Pending : status.getPhase();
        boolean live = SessionPhase.isLive(phase) && !StopRequest.isRequested(snapshot);
        return Optional.of(new LocalSessionRegistry.View(sessionId, snapshot.getSpec().getProject(),
                live ? phase : (phase.isTerminal() ? phase : SessionPhase.Stopped),
                status == null ? null : status.getCredentials(), live ? s.proofs : null));
    }

    /** Runs one supervision step of a session now (tests; the tick does the same). */
    public void reconcileNow(String name) {
        LocalSession s = byName.get(name);
        if (s != null) {
            tick(s);
        }
    }

    /** The pids of a session's sidecar processes (tests, diagnostics). */
    public Map<String, Long> sidecarPids(String name) {
        LocalSession s = byName.get(name);
        Map<String, Long> pids = new LinkedHashMap<>();
        if (s == null) {
            return pids;
        }
        s.lock.lock();
        try {
            if (s.sidecars != null) {
                for (SidecarProcess p : s.sidecars) {
                    p.handle().ifPresent(h -> pids.put(p.provider().id(), h.pid()));
                }
            }
        } finally {
            s.lock.unlock();
        }
        return pids;
    }

    /**
     * Stops supervising and stops every sidecar (the control plane is shutting down). Phases are kept: a restart
     * brings the live sessions' sidecars back.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        byName.values().forEach(this::cancel);
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<LocalSession> sessions = new ArrayList<>(byName.values());
        // SIGTERM to all first, then wait for each: shutting down takes one grace period, not one per sidecar.
        for (LocalSession s : sessions) {
            s.lock.lock();
            try {
                if (s.sidecars != null) {
                    s.sidecars.forEach(SidecarProcess::signalStop);
                }
            } finally {
                s.lock.unlock();
            }
        }
        for (LocalSession s : sessions) {
            s.lock.lock();
            try {
                if (s.sidecars != null) {
                    s.sidecars.forEach(p -> p.stop(true));
                }
            } finally {
                s.lock.unlock();
            }
        }
        LOG.info("local runtime stopped; every sidecar process stopped");
    }

    /** Stops supervising but leaves the sidecar processes running, as a crash of the control plane would (tests). */
    public void abandon() {
        closed = true;
        byName.values().forEach(this::cancel);
        scheduler.shutdownNow();
    }

    private void register(LocalSession s) {
        byName.put(s.name(), s);
        nameById.put(s.resource.sessionId(), s.name());
    }

    private void schedule(LocalSession s) {
        if (closed) {
            return;
        }
        long period = settings.checkInterval().toMillis();
        s.tick = scheduler.scheduleWithFixedDelay(() -> tick(s), 0, period, TimeUnit.MILLISECONDS);
    }

    private void cancel(LocalSession s) {
        ScheduledFuture<?> tick = s.tick;
        if (tick != null) {
            tick.cancel(false);
            s.tick = null;
        }
    }

    private void tick(LocalSession s) {
        if (closed) {
            return;
        }
        s.lock.lock();
        try {
            if (byName.get(s.name()) != s) {
                return;
            }
            reconcile(s);
        } catch (RuntimeException e) {
            // Names the failure, never its message (which could quote a document); retried on the next tick.
            LOG.warnf("session %s: supervision step failed (%s); retrying", s.name(), e.getClass().getName());
        } finally {
            s.lock.unlock();
        }
    }

    /** One idempotent step; the caller holds the session's lock. */
    private void reconcile(LocalSession s) {
        Instant now = clock.instant();
        AgenticSession session = s.resource;
        Long generation = session.getMetadata().getGeneration();
        AgenticSessionStatus status = SessionStatuses.copy(session.getStatus());
        SessionPhase phase = status.getPhase();

        if (phase != null && phase.isTerminal()) {
            cleanUp(s);
            cancel(s);
            return;
        }
        if (StopRequest.isRequested(session)) {
            cleanUp(s);
            cancel(s);
            write(s, LocalSessionStatuses.stopped(status, generation, now));
            LOG.infof("session %s stopped: sidecars and proofs removed", s.name());
            return;
        }
        if (s.sidecars == null) {
            if (now.isBefore(s.nextAttempt)) {
                return;
            }
            List<String> problems = SessionValidator.problems(session);
            if (!problems.isEmpty()) {
                write(s, LocalSessionStatuses.invalidSpec(status, problems, generation, now));
                cancel(s);
                return;
            }
            status = SessionStatuses.validSpec(status, generation, now);
            if (!credentialsCurrent(status, generation)) {
                CredentialResolution resolution;
                try {
                    resolution = credentials.resolve(session.getSpec().getProject(), session.getSpec().getAgent(),
                            session.getSpec().getCredentials());
                } catch (CredentialApiUnavailableException unavailable) {
                    status = LocalSessionStatuses.credentialsUnresolved(status, SessionConditions.REASON_API_UNAVAILABLE,
                            unavailable.getMessage() + "; retrying with backoff", generation, now);
                    Duration retryIn = credentialBackoff.next(status, now);
                    s.nextAttempt = now.plus(retryIn);
                    write(s, status);
                    LOG.warnf("session %s waits: %s; retry in %d ms", s.name(), unavailable.getMessage(), retryIn.toMillis());
                    return;
                }
                if (resolution instanceof CredentialResolution.Unresolved unresolved) {
                    s.nextAttempt = now.plus(settings.recheckAfterRefusal());
                    write(s, LocalSessionStatuses.credentialsUnresolved(status, unresolved.reason(), unresolved.message(),
                            generation, now));
                    LOG.warnf("session %s waits: %s (%s)", s.name(), unresolved.reason(), unresolved.message());
                    return;
                }
                CredentialResolution.Resolved resolved = (CredentialResolution.Resolved) resolution;
                status = SessionStatuses.credentialsResolved(status, resolved.credentials(), resolved.summary(),
                        generation, now);
                // Stored before any sidecar exists: the token server scopes session tokens from status.credentials.
                write(s, status);
            }
            Optional<String> key;
            try {
                key = settings.plan().tokenServerUrl().isPresent() ? Optional.of(exchangeKey.publicKeyPem()) : Optional.empty();
            } catch (ExchangeKeySource.Unavailable unavailable) {
                s.nextAttempt = now.plus(settings.credentialRetryInitial());
                write(s, LocalSessionStatuses.tokenServerUnavailable(status, unavailable.getMessage(), generation, now));
                LOG.warnf("session %s waits: %s", s.name(), unavailable.getMessage());
                return;
            }
            status = launch(s, status, key, now);
        }
        List<SidecarProcess.Observation> observations = new ArrayList<>();
        for (SidecarProcess p : s.sidecars) {
            p.check(now);
            observations.add(p.observe());
        }
        status = LocalSessionStatuses.observed(status, observations, settings.backoff().limit(), generation, now);
        OptionalLong deadline = deadlineSeconds(session);
        if (!status.getPhase().isTerminal() && deadline.isPresent() && deadlinePassed(session, deadline.getAsLong(), now)) {
            status = LocalSessionStatuses.deadlineExceeded(status, deadline.getAsLong(), generation, now);
        }
        if (status.getPhase() != phase) {
            LOG.infof("session %s: %s -> %s", s.name(), phase, status.getPhase());
        }
        if (status.getPhase().isTerminal()) {
            cleanUp(s);
            cancel(s);
        }
        write(s, status);
    }

    /** Plans the session, writes its proofs and starts (or re-adopts) its sidecars. */
    private AgenticSessionStatus launch(LocalSession s, AgenticSessionStatus status, Optional<String> key, Instant now) {
        String name = s.name();
        Map<Provider, String> jars = settings.jars().available();
        PlanSettings base = settings.plan();
        PlanSettings local = new PlanSettings(jars, base.tokenServerUrl(), key, base.sidecarApiUrl(),
                base.allowExternalApi(), provider -> store.proofFile(name, provider).toString());
        ResolvedCredentials resolved = ResolvedCredentials.of(status.getCredentials());
        SidecarPlan plan = SidecarPlanner.plan(SessionRequests.from(s.resource), resolved, local);
        Map<String, String> missingJars = new LinkedHashMap<>();
        if (local.tokenServerConfigured()) {
            for (String id : resolved.byProvider().keySet()) {
                Provider.byId(id).filter(p -> !jars.containsKey(p)).ifPresent(p -> missingJars.put(id,
                        settings.jars().expected(p).map(Object::toString).orElse("ambient.control-plane.local.home is not set")));
            }
        }
        status = LocalSessionStatuses.planned(status, plan, missingJars, s.resource.getMetadata().getGeneration(), now);

        Map<String, String> existing = store.readProofs(name);
        Map<String, String> proofs = Proofs.forKeys(plan.proofKeys(), existing, proofSource);
        for (PlannedSidecar sidecar : plan.sidecars()) {
            String proof = proofs.get(sidecar.proofKey());
            if (!proof.equals(existing.get(sidecar.proofKey()))) {
                store.writeProof(name, sidecar.provider(), proof);
            }
        }
        Set<String> planned = Set.copyOf(plan.proofKeys());
        for (Provider p : Provider.values()) {
            if (!planned.contains(p.id())) {
                // A provider of an earlier plan (e.g. its jar was removed): nothing of it may linger.
                killRecorded(name, p);
                store.deleteProof(name, p);
            }
        }
        s.proofs = proofs;
        List<SidecarProcess> sidecars = new ArrayList<>();
        for (PlannedSidecar sidecar : plan.sidecars()) {
            SidecarProcess process = new SidecarProcess(name, sidecar, store, settings, probe);
            process.launch(now);
            sidecars.add(process);
        }
        s.sidecars = sidecars;
        LOG.infof("session %s: sidecars %s launched%s", name, plan.proofKeys(),
                plan.unsupportedProviders().isEmpty() ? "" : ", unsupported providers " + plan.unsupportedProviders());
        return status;
    }

    /** Nothing of an ended (or stopping) session keeps running or lying around: processes, records and proofs go. */
    private void cleanUp(LocalSession s) {
        stopSidecars(s);
        for (Provider p : Provider.values()) {
            killRecorded(s.name(), p);
            store.deleteProof(s.name(), p);
        }
        s.proofs = Map.of();
    }

    private void stopSidecars(LocalSession s) {
        if (s.sidecars != null) {
            s.sidecars.forEach(SidecarProcess::stop);
        }
    }

    /** A sidecar recorded on disk but not supervised (left by a crashed control plane): stopped if it is still ours. */
    private void killRecorded(String name, Provider provider) {
        store.readProcess(name, provider).ifPresent(r -> {
            ProcessIdentity.find(r.pid(), r.started(), r.jar()).ifPresent(h -> {
                h.destroy();
                h.onExit().orTimeout(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(t -> {
                            h.destroyForcibly();
                            return null;
                        }).join();
                LOG.infof("session %s: leftover %s process %d stopped", name, provider.containerName(), r.pid());
            });
            store.deleteProcess(name, provider);
        });
    }

    private void save(LocalSession s, AgenticSession changed) {
        changed.getMetadata().setResourceVersion(Long.toString(resourceVersion(changed) + 1));
        store.save(changed);
        s.resource = changed;
        s.snapshot = SERIALIZATION.clone(changed);
    }

    /** Persists a changed status (and only then). */
    private void write(LocalSession s, AgenticSessionStatus status) {
        if (SERIALIZATION.asJson(status).equals(SERIALIZATION.asJson(SessionStatuses.copy(s.resource.getStatus())))) {
            return;
        }
        AgenticSession changed = SERIALIZATION.clone(s.resource);
        changed.setStatus(SessionStatuses.copy(status));
        save(s, changed);
    }

    private static long resourceVersion(AgenticSession session) {
        try {
            return Long.parseLong(Objects.requireNonNullElse(session.getMetadata().getResourceVersion(), "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean credentialsCurrent(AgenticSessionStatus status, Long generation) {
        return Conditions.find(status.getConditions(), SessionConditions.CREDENTIALS_RESOLVED)
                .filter(c -> "True".equals(c.getStatus()))
                .filter(c -> Objects.equals(c.getObservedGeneration(), generation))
                .isPresent()
                && status.getCredentials() != null;
    }

    private static boolean isEnded(AgenticSession session) {
        return session.getStatus() != null && session.getStatus().getPhase() != null
                && session.getStatus().getPhase().isTerminal();
    }

    private static boolean isLive(AgenticSession session) {
        return !isEnded(session);
    }

    private static OptionalLong deadlineSeconds(AgenticSession session) {
        return io.ambientcode.controlplane.plan.SessionTimeout.seconds(session.getSpec().getTimeout());
    }

    /** The timeout counts from the session's creation (a pod's active deadline counts from its start). */
    private static boolean deadlinePassed(AgenticSession session, long seconds, Instant now) {
        try {
            Instant created = Instant.parse(session.getMetadata().getCreationTimestamp());
            return !now.isBefore(created.plusSeconds(seconds));
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
