package io.ambientcode.acpctl.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.Environment;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.local.PrivateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Local mode's orchestration (issue 7): token-server, credential-api and the control plane (local runtime) as detached
 * child processes on 127.0.0.1, sharing one data directory.
 *
 * <p>{@code up} makes the data directory and its keys on first use, starts each service that is not running
 * ({@code setsid java <options> -jar <repo>/<service>/target/quarkus-app/quarkus-run.jar}, {@code QUARKUS_PROFILE=local},
 * stdin from /dev/null, output to {@code logs/<service>.log}, pid and start time in {@code run/}), and waits until every
 * service answers {@code /q/health/ready}. The processes have their own session, so they outlive this acpctl and its
 * terminal. A service that exits or is not ready in time is reported with the end of its log, and every service is
 * stopped again: a failed {@code up} leaves nothing running. {@code down} stops the control plane first (which stops
 * its sidecars), then the others, then any sidecar a crashed control plane left behind.
 */
@ApplicationScoped
public class ProcessLocalServices implements LocalServices {

    static final String HOME_ENV = "AMBIENT_HOME";
    static final String JAVA_OPTS_ENV = "ACPCTL_SERVICE_JAVA_OPTS";
    /** Lean start on a small machine; the services are light locally. */
    static final List<String> DEFAULT_JAVA_OPTS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    /** Of acpctl's own environment only these reach the services; the rest is set explicitly. */
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ",
            "TMPDIR", "JAVA_HOME");
    static final int LOG_TAIL_LINES = 25;
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final File NO_INPUT = new File("/dev/null");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Environment env;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public List<ServiceState> up(UpRequest request, Progress progress) {
        Path dataDir = request.dataDir();
        Path home = home();
        Map<LocalService, Path> jars = new EnumMap<>(LocalService.class);
        for (LocalService s : LocalService.values()) {
            Path jar = s.jar(home);
            if (!Files.isRegularFile(jar)) {
                throw CliException.notAvailable(s.id() + " is not built (no " + jar + "): run ./mvnw -B package -DskipTests"
                        + " in " + home);
            }
            jars.put(s, jar);
        }
        try (DirLock lock = DirLock.acquire(dataDir)) {
            List<String> created = LocalKeys.ensure(dataDir);
            if (!created.isEmpty()) {
                progress.step("data directory " + dataDir + ": created " + String.join(", ", created));
            }
            Map<String, RunState.Running> state = RunState.read(dataDir);
            Map<LocalService, Started> started = new EnumMap<>(LocalService.class);
            for (LocalService s : LocalService.values()) {
                Optional<ProcessHandle> running = Optional.ofNullable(state.get(s.id())).flatMap(RunState.Running::find);
                if (running.isPresent()) {
                    started.put(s, new Started(running.get(), null));
                    progress.step(s.id() + ": already running (pid " + running.get().pid() + ")");
                    continue;
                }
                Process process = start(s, jars.get(s), home, dataDir);
                started.put(s, new Started(process.toHandle(), process));
                state.put(s.id(), RunState.of(s, process.toHandle(), jars.get(s), s.log(dataDir)));
                RunState.write(dataDir, state);
                progress.step(s.id() + ": starting (pid " + process.pid() + ", log " + s.log(dataDir) + ")");
            }
            RunState.write(dataDir, state);
            awaitReady(dataDir, started, request.timeout(), progress);
            progress.step("local suite ready; data in " + dataDir + ". Next: acpctl login");
            return states(dataDir);
        }
    }

    @Override
    public List<ServiceState> down(Path dataDir, Duration timeout, Progress progress) {
        if (!Files.isDirectory(dataDir)) {
            return states(dataDir);
        }
        try (DirLock lock = DirLock.acquire(dataDir)) {
            stopAll(dataDir, timeout, progress);
            return states(dataDir);
        }
    }

    @Override
    public List<ServiceState> status(Path dataDir) {
        return states(dataDir);
    }

    /** The repository (or installation) root: {@code AMBIENT_HOME}, else the root this acpctl was built in. */
    Path home() {
        Optional<Path> configured = env.get(HOME_ENV).map(Path::of);
        if (configured.isPresent()) {
            return configured.get().toAbsolutePath().normalize();
        }
        // bin/acpctl runs <home>/acpctl/target/quarkus-app/quarkus-run.jar.
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(LocalService.JAR.substring(LocalService.JAR.lastIndexOf('/') + 1)) && !classPath.contains(File.pathSeparator)) {
            Path jar = Path.of(classPath).toAbsolutePath().normalize();
            Path module = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().getParent();
            if (module != null && module.getParent() != null) {
                return module.getParent();
            }
        }
        throw CliException.notAvailable("cannot tell where the suite is built: set " + HOME_ENV
                + " to the repository root (the directory with token-server/, credential-api/ and control-plane/)");
    }

    private record Started(ProcessHandle handle, Process process) {
    }

    private Process start(LocalService service, Path jar, Path home, Path dataDir) {
        Path log = PrivateFiles.freshLog(service.log(dataDir));
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(PrivateFiles.directory(dataDir.resolve(LocalLayout.RUN_DIR)).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = new java.util.HashMap<>();
        for (String name : INHERITED) {
            env.get(name).ifPresent(v -> inherited.put(name, v));
        }
        environment.clear();
        environment.putAll(inherited);
        environment.put("QUARKUS_PROFILE", "local");
        environment.put(LocalLayout.DATA_DIR_ENV, dataDir.toString());
        environment.put(HOME_ENV, home.toString());
        environment.put("QUARKUS_HTTP_HOST", LocalLayout.LOOPBACK);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw CliException.general("cannot start " + service.id() + ": " + e.getClass().getSimpleName());
        }
    }

    /** {@code setsid} gives a service its own session: no terminal hang-up or Ctrl-C of this shell reaches it. */
    private static Optional<String> setsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid").filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    private List<String> javaOptions() {
        return env.get(JAVA_OPTS_ENV).map(v -> Arrays.stream(v.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList())
                .orElse(DEFAULT_JAVA_OPTS);
    }

    /** Polls every service's readiness; on an exit or the timeout, reports, stops everything and fails. */
    private void awaitReady(Path dataDir, Map<LocalService, Started> started, Duration timeout, Progress progress) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        long nextProgress = begin + PROGRESS_EVERY.toNanos();
        List<LocalService> waiting = new ArrayList<>(started.keySet());
        while (!waiting.isEmpty()) {
            for (LocalService s : List.copyOf(waiting)) {
                Started st = started.get(s);
                if (ready(s)) {
                    waiting.remove(s);
                    progress.step(s.id() + ": ready at " + s.url() + " (" + seconds(System.nanoTime() - begin) + ")");
                } else if (!st.handle().isAlive() || Processes.isZombie(st.handle().pid())) {
                    String exit = st.process() != null && !st.process().isAlive() ? "exited with code " + st.process().exitValue()
                            : "exited";
                    fail(dataDir, s, exit, progress);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                LocalService first = waiting.get(0);
                fail(dataDir, first, "not ready after " + timeout.toSeconds() + "s", progress);
            }
            if (now >= nextProgress) {
                progress.step("waiting for " + String.join(", ", waiting.stream().map(LocalService::id).toList()) + " ("
                        + seconds(now - begin) + ")");
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep(POLL);
        }
    }

    private void fail(Path dataDir, LocalService service, String what, Progress progress) {
        Path log = service.log(dataDir);
        progress.step(service.id() + ": " + what + "; last lines of " + log + ":");
        tail(log).forEach(line -> progress.step("  | " + line));
        String hint = portTakenByAnother(dataDir, service) ? "; port " + service.port() + " on " + LocalLayout.LOOPBACK
                + " is in use by another process" : "";
        progress.step("stopping the other services");
        stopAll(dataDir, STOP_GRACE, progress);
        throw CliException.general(service.id() + " failed to start (" + what + hint + "); see " + log
                + "; the other services were stopped");
    }

    /** Stops the services (control plane first), then sidecars left by a control plane that did not stop them. */
    private void stopAll(Path dataDir, Duration grace, Progress progress) {
        Map<String, RunState.Running> state = RunState.read(dataDir);
        for (LocalService s : LocalService.stopOrder()) {
            RunState.Running r = state.get(s.id());
            Optional<ProcessHandle> handle = r == null ? Optional.empty() : r.find();
            if (handle.isPresent()) {
                boolean killed = Processes.stop(handle.get(), grace);
                progress.step(s.id() + ": stopped (pid " + handle.get().pid() + (killed ? ", killed after " + grace.toSeconds()
                        + "s" : "") + ")");
            }
            state.remove(s.id());
            RunState.write(dataDir, state);
        }
        for (SidecarRecord sidecar : sidecarRecords(dataDir)) {
            Processes.find(sidecar.pid(), sidecar.started(), sidecar.jar()).ifPresent(h -> {
                Processes.stop(h, grace);
                progress.step("sidecar " + sidecar.provider() + " of session " + sidecar.session() + ": stopped (pid "
                        + h.pid() + ")");
            });
        }
    }

    private record SidecarRecord(String session, String provider, long pid, String started, String jar) {
    }

    /** The control plane's records of the sidecars it runs ({@code sessions/<name>/<provider>.process.json}). */
    private static List<SidecarRecord> sidecarRecords(Path dataDir) {
        Path sessions = dataDir.resolve(LocalLayout.SESSIONS_DIR);
        List<SidecarRecord> records = new ArrayList<>();
        if (!Files.isDirectory(sessions)) {
            return records;
        }
        try (Stream<Path> files = Files.find(sessions, 2, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().endsWith(".process.json"))) {
            for (Path file : files.toList()) {
                try {
                    JsonNode n = JSON.readTree(file.toFile());
                    String name = file.getFileName().toString();
                    records.add(new SidecarRecord(file.getParent().getFileName().toString(),
                            name.substring(0, name.length() - ".process.json".length()), n.path("pid").asLong(),
                            n.path("started").asText(""), n.path("jar").asText(null)));
                } catch (IOException e) {
                    // an unreadable record names no process we could safely stop
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private List<ServiceState> states(Path dataDir) {
        Map<String, RunState.Running> state = RunState.read(dataDir);
        List<ServiceState> out = new ArrayList<>();
        for (LocalService s : LocalService.values()) {
            RunState.Running r = state.get(s.id());
            Optional<ProcessHandle> handle = r == null ? Optional.empty() : r.find();
            String log = Files.exists(s.log(dataDir)) ? s.log(dataDir).toString() : null;
            if (handle.isPresent()) {
                boolean ready = ready(s);
                out.add(new ServiceState(s.id(), ready ? "ready" : "starting", s.url(), handle.get().pid(), log,
                        ready ? null : "not answering " + LocalService.READINESS_PATH + " yet"));
            } else if (r != null) {
                out.add(new ServiceState(s.id(), "exited", s.url(), null, log, "pid " + r.pid() + " is gone; see the log"));
            } else {
                out.add(new ServiceState(s.id(), "stopped", s.url(), null, log,
                        portTakenByAnother(dataDir, s) ? "port " + s.port() + " is in use by another process" : null));
            }
        }
        return out;
    }

    private boolean ready(LocalService service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + LocalService.READINESS_PATH))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.general("interrupted");
        }
    }

    /** Something listens on the service's port, and it is not the service recorded for this data directory. */
    private static boolean portTakenByAnother(Path dataDir, LocalService service) {
        RunState.Running r = RunState.read(dataDir).get(service.id());
        if (r != null && r.find().isPresent()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LocalLayout.LOOPBACK, service.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank())
                    .map(l -> l.replaceAll("\\p{Cntrl}", " ")).toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getClass().getSimpleName() + ")");
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.general("interrupted");
        }
    }

    /** One up/down at a time per data directory. */
    private static final class DirLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private DirLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static DirLock acquire(Path dataDir) {
            Path run = PrivateFiles.directory(PrivateFiles.directory(dataDir).resolve(LocalLayout.RUN_DIR));
            try {
                FileChannel channel = FileChannel.open(run.resolve(".lock"), java.util.Set.of(StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(PrivateFiles.FILE_MODE));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (true) {
                    try {
                        FileLock lock = channel.tryLock();
                        if (lock != null) {
                            return new DirLock(channel, lock);
                        }
                    } catch (OverlappingFileLockException e) {
                        // held in this JVM: wait like for another process
                    }
                    if (System.nanoTime() > deadline) {
                        channel.close();
                        throw CliException.conflict("another acpctl up or down is running for " + dataDir);
                    }
                    sleep(Duration.ofMillis(200));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // released with the process anyway
            }
        }
    }
}
