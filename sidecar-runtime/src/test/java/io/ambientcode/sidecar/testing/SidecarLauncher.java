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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A packaged sidecar ({@code target/quarkus-app/quarkus-run.jar}, or the {@code sidecar.jar} system property) run as a
 * real process with exactly the given environment: the inherited environment is reduced to a few neutral variables
 * (PATH, HOME, locale, TMPDIR, JAVA_HOME), so nothing from the developer's shell (a {@code READ_ONLY_MODE}, an
 * {@code MCP_TOOLS}) changes what is tested. MCP and management ports are free ports; a watcher records whether either
 * ever accepted a connection (fail-closed start-up tests assert it never did).
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

    public SidecarLauncher(Map<String, String> env) throws IOException {
        this(env, List.of());
    }

    public SidecarLauncher(Map<String, String> env, List<String> jvmOptions) throws IOException {
        this.port = freePort();
        this.managementPort = freePort();
        this.output = Files.createTempFile("sidecar", ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().retainAll(INHERITED);
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        process = pb.start();
        watcher = new Thread(this::watchPorts, "port-watcher");
        watcher.setDaemon(true);
        watcher.start();
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
