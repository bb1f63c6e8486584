package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.local.PrivateFiles;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.controlplane.plan.PlannedSidecar;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One credential sidecar of a local session, supervised like a native sidecar container: started (or re-adopted after a
 * control-plane crash), probed for readiness, restarted with back-off when it exits, given up on after too many
 * restarts in a row, stopped with SIGTERM then SIGKILL. Driven by {@link #check(Instant)} from the session's tick;
 * not thread-safe (the session's lock guards it).
 */
final class SidecarProcess {

    private static final Logger LOG = Logger.getLogger(SidecarProcess.class);
    private static final File NO_INPUT = new File("/dev/null");

    enum State {
        STARTING,
        READY,
        BACKOFF,
        GAVE_UP,
        STOPPED
    }

    /** What the status needs to know; no values, only facts. */
    record Observation(Provider provider, int port, boolean ready, State state, int restarts, String message) {
    }

    private final String session;
    private final PlannedSidecar planned;
    private final SessionStore store;
    private final LocalSettings settings;
    private final ReadinessProbe probe;

    private Process process;
    private ProcessHandle handle;
    private int port;
    private int managementPort;
    private State state = State.STOPPED;
    private int restarts;
    private int crashes;
    private Instant readySince;
    private Instant restartAt;
    private String lastExit;

    SidecarProcess(String session, PlannedSidecar planned, SessionStore store, LocalSettings settings, ReadinessProbe probe) {
        this.session = session;
        this.planned = planned;
        this.store = store;
        this.settings = settings;
        this.probe = probe;
    }

    Provider provider() {
        return planned.provider();
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    State state() {
        return state;
    }

    Optional<ProcessHandle> handle() {
        return Optional.ofNullable(handle).filter(ProcessHandle::isAlive);
    }

    /** Re-adopts the process recorded for this sidecar if it still runs this jar, else starts a new one. */
    void launch(Instant now) {
        Optional<SessionStore.ProcessRecord> record = store.readProcess(session, provider());
        if (record.isPresent()) {
            SessionStore.ProcessRecord r = record.get();
            Optional<ProcessHandle> running = ProcessIdentity.find(r.pid(), r.started(), planned.image());
            if (running.isPresent()) {
                handle = running.get();
                process = null;
                port = r.port();
                managementPort = r.managementPort();
                state = State.STARTING;
                LOG.infof("session %s: %s re-adopted (pid %d, port %d)", session, planned.containerName(), r.pid(), port);
                return;
            }
            // Gone, or the pid now belongs to something else: keep the ports if they are free, so URLs stay valid.
            port = r.port();
            managementPort = r.managementPort();
            store.deleteProcess(session, provider());
        }
        start(now);
    }

    /** One supervision step: restart when due, notice an exit, probe readiness. */
    void check(Instant now) {
        switch (state) {
            case STOPPED, GAVE_UP -> {
                return;
            }
            case BACKOFF -> {
                if (!now.isBefore(restartAt)) {
                    crashes++;
                    restarts++;
                    start(now);
                }
                return;
            }
            default -> {
            }
        }
        if (handle == null || !handle.isAlive() || ProcessIdentity.isZombie(handle.pid())) {
            exited(now);
            return;
        }
        if (probe.isReady(managementPort)) {
            if (state != State.READY) {
                state = State.READY;
                readySince = now;
                LOG.infof("session %s: %s ready on 127.0.0.1:%d", session, planned.containerName(), port);
            } else if (crashes > 0 && Duration.between(readySince, now).compareTo(settings.backoff().resetAfter()) >= 0) {
                crashes = 0;
            }
        } else if (state == State.READY) {
            state = State.STARTING;
            readySince = null;
            LOG.infof("session %s: %s no longer ready", session, planned.containerName());
        }
    }

    /** SIGTERM, then SIGKILL after the stop timeout; forgets the process record. Idempotent. */
    void stop() {
        stop(false);
    }

    /**
     * Stops the process; with {@code keepPorts} (the control plane shuts down, the session lives on) the record keeps
     * the ports, without a pid, so the next start listens where the user's MCP client expects it.
     */
    void stop(boolean keepPorts) {
        ProcessHandle h = handle;
        if (h != null && h.isAlive()) {
            h.destroy();
            try {
                h.onExit().get(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warnf("session %s: %s did not stop within %s; killing it", session, planned.containerName(),
                        settings.stopTimeout());
                h.destroyForcibly();
                h.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                h.destroyForcibly();
            } catch (java.util.concurrent.ExecutionException e) {
                h.destroyForcibly();
            }
        }
        handle = null;
        process = null;
        state = State.STOPPED;
        if (keepPorts && port > 0) {
            store.writeProcess(session, provider(), new SessionStore.ProcessRecord(0, "", port, managementPort,
                    planned.image()));
        } else {
            store.deleteProcess(session, provider());
        }
    }

    /** Signals SIGTERM without waiting (for stopping many sidecars at once); {@link #stop()} then waits. */
    void signalStop() {
        ProcessHandle h = handle;
        if (h != null && h.isAlive()) {
            h.destroy();
        }
    }

    Observation observe() {
        boolean ready = state == State.READY;
        return new Observation(provider(), port, ready, state, restarts, describe());
    }

    private String describe() {
        String suffix = restarts == 0 ? "" : " (" + restarts + " restart" + (restarts == 1 ? "" : "s") + ")";
        return switch (state) {
            case READY -> "ready" + suffix;
            case STARTING -> "starting: credential not loaded yet" + suffix;
            case BACKOFF -> "CrashLoopBackOff: " + lastExit + suffix;
            case GAVE_UP -> "terminated: " + lastExit + suffix;
            case STOPPED -> "stopped";
        };
    }

    private void start(Instant now) {
        Path jar = Path.of(planned.image());
        port = LoopbackPorts.keepOrPick(port, -1);
        managementPort = LoopbackPorts.keepOrPick(managementPort, port);
        Path tmp = PrivateFiles.directory(store.tmpDir(session, provider()));
        Path log = PrivateFiles.touch(store.logFile(session, provider()));
        SidecarLaunch launch = SidecarLaunch.of(planned, settings.java(), settings.jars().jvmOptions(jar), tmp, port,
                managementPort, System.getenv());
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(store.dir(session).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(launch.environment());
        note(log, "--- " + now + " control plane starts " + planned.containerName() + " on 127.0.0.1:" + port
                + " (management " + managementPort + ")" + (restarts == 0 ? "" : ", restart " + restarts));
        try {
            process = builder.start();
            handle = process.toHandle();
            state = State.STARTING;
            readySince = null;
            store.writeProcess(session, provider(), new SessionStore.ProcessRecord(handle.pid(),
                    ProcessIdentity.startOf(handle), port, managementPort, jar.toString()));
            LOG.infof("session %s: %s started (pid %d, port %d, management port %d)", session, planned.containerName(),
                    handle.pid(), port, managementPort);
        } catch (IOException e) {
            process = null;
            handle = null;
            lastExit = "could not be started (" + e.getClass().getSimpleName() + ")";
            backOff(now);
        }
    }

    private void exited(Instant now) {
        Process p = process;
        if (p != null) {
            try {
                p.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lastExit = p.isAlive() ? "exited" : "exited with code " + p.exitValue();
        } else {
            lastExit = "exited";
        }
        process = null;
        handle = null;
        store.deleteProcess(session, provider());
        backOff(now);
    }

    private void backOff(Instant now) {
        readySince = null;
        if (settings.backoff().givesUp(crashes)) {
            state = State.GAVE_UP;
            LOG.warnf("session %s: %s %s and was restarted %d times in a row; giving up", session,
                    planned.containerName(), lastExit, crashes);
            return;
        }
        Duration delay = settings.backoff().delay(crashes);
        restartAt = now.plus(delay);
        state = State.BACKOFF;
        LOG.warnf("session %s: %s %s; restarting in %d ms", session, planned.containerName(), lastExit, delay.toMillis());
    }

    private static void note(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the note is a convenience; the sidecar's own output follows regardless
        }
    }
}
