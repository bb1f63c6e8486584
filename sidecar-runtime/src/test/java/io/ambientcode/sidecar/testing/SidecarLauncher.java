package io.ambientcode.sidecar.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A packaged sidecar ({@code target/quarkus-app/quarkus-run.jar}, or the {@code sidecar.jar} system property) run as a
 * real process with exactly the given environment: the inherited environment is reduced to a few neutral variables
 * (PATH, HOME, locale, TMPDIR, JAVA_HOME), so nothing from the developer's shell (a {@code READ_ONLY_MODE}, an
 * {@code MCP_TOOLS}) changes what is tested. MCP and management ports are free ports; a watcher records whether either
 * ever accepted a connection (fail-closed start-up tests assert it never did). {@link #builder} chooses the java
 * launcher, the jar and whether to watch the ports (benchmarks do not: the watcher's polling costs CPU).
 */
public final class SidecarLauncher implements AutoCloseable {

    private static final Set<String> INHERITED = Set.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME", "USER");

    public final int port;
    /** The management interface (health, metrics). */
    public final int managementPort;
    public final Process process;
    private final Path output;
    private final AtomicBoolean portOpened = new AtomicBoolean();
    private final Thread watcher;
    /** {@link System#nanoTime()} just before the process was started. */
    public final long startedAt;

    public SidecarLauncher(Map<String, String> env) throws IOException {
        this(env, List.of());
    }

    public SidecarLauncher(Map<String, String> env, List<String> jvmOptions) throws IOException {
        this(builder().env(env).jvmOptions(jvmOptions));
    }

    private SidecarLauncher(Builder b) throws IOException {
        this.port = freePort();
        this.managementPort = freePort();
        this.output = Files.createTempFile("sidecar", ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(b.launcher.toString());
        cmd.addAll(b.jvmOptions);
        cmd.add("-jar");
        cmd.add(b.jar != null ? b.jar : jar());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        b.directory.ifPresent(d -> pb.directory(d.toFile()));
        pb.environment().keySet().retainAll(INHERITED);
        pb.environment().putAll(b.env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        startedAt = System.nanoTime();
        process = pb.start();
        if (b.watchPorts) {
            watcher = new Thread(this::watchPorts, "port-watcher");
            watcher.setDaemon(true);
            watcher.start();
        } else {
            watcher = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to launch: the environment, JVM options, java launcher, jar, working directory, port watching. */
    public static final class Builder {
        private Map<String, String> env = Map.of();
        private List<String> jvmOptions = List.of();
        private Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        private String jar;
        private Optional<Path> directory = Optional.empty();
        private boolean watchPorts = true;

        public Builder env(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** The {@code java} launcher (default: the test JVM's). */
        public Builder java(Path launcher) {
            this.launcher = launcher;
            return this;
        }

        /** The jar (default: {@link #jar()}). */
        public Builder jar(Path jar) {
            this.jar = jar.toString();
            return this;
        }

        /** The process's working directory (relative paths in JVM options resolve against it). */
        public Builder directory(Path directory) {
            this.directory = Optional.of(directory);
            return this;
        }

        /** Whether to record if a port ever opened (default true; a fail-closed test needs it, a benchmark not). */
        public Builder watchPorts(boolean watch) {
            this.watchPorts = watch;
            return this;
        }

        public SidecarLauncher start() throws IOException {
            return new SidecarLauncher(this);
        }
    }

    /** The packaged sidecar of the module under test. */
    public static String jar() {
        String jar = System.getProperty("sidecar.jar", "target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("package the sidecar first: " + jar);
        }
        return jar;
    }

    private void watchPorts() {
        while (process.isAlive() && !portOpened.get()) {
            for (int candidate : new int[] { port, managementPort }) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", candidate), 50);
                    portOpened.set(true);
                } catch (IOException e) {
                    pause(5);
                }
            }
        }
    }

    /** Whether the MCP or the management port ever accepted a connection. */
    public boolean portEverOpened() throws InterruptedException {
        if (watcher == null) {
            throw new IllegalStateException("launched without port watching");
        }
        watcher.join(1000);
        return portOpened.get();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the sidecar did not exit");
        }
        return process.exitValue();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the process output otherwise. */
    public SidecarLauncher awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status("/q/health/ready") == 200) {
                return this;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the sidecar did not become ready:\n" + output());
    }

    /** Everything the process printed so far (stdout and stderr). */
    public String output() throws IOException {
        return Files.readString(output);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** HTTP status of a GET, or -1 when nothing answers. {@code /q/...} goes to the management interface. */
    public int status(String path) {
        String target = (path.startsWith("/q/") ? managementUrl() : baseUrl()) + path;
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}
