package io.ambientcode.sidecar.github.support;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The packaged sidecar ({@code target/quarkus-app/quarkus-run.jar}) as a real process with a chosen environment, for
 * the start-up contract tests. A watcher records whether the HTTP or the management port ever accepted a
 * connection.
 */
public final class SidecarProcess implements AutoCloseable {

    public final int port;
    /** The management interface (health, metrics). */
    public final int managementPort;
    public final Process process;
    public final Path output;
    private final AtomicBoolean portOpened = new AtomicBoolean();
    private final Thread watcher;

    public SidecarProcess(Map<String, String> env, List<String> jvmOptions) throws IOException {
        this.port = freePort();
        this.managementPort = freePort();
        this.output = Files.createTempFile("sidecar", ".log");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AMBIENT_") || k.startsWith("CREDENTIAL_") || k.startsWith("MCP_")
                || k.equals("SESSION_ID"));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        process = pb.start();
        watcher = new Thread(() -> {
            while (process.isAlive() && !portOpened.get()) {
                for (int candidate : new int[] { port, managementPort }) {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", candidate), 50);
                        portOpened.set(true);
                    } catch (IOException e) {
                        sleep(5);
                    }
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
    }

    public static String jar() {
        String jar = System.getProperty("sidecar.jar", "target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("package the sidecar first: " + jar);
        }
        return jar;
    }

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

    private static void sleep(long ms) {
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
