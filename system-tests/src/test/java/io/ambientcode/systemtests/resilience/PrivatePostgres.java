package io.ambientcode.systemtests.resilience;

import io.ambientcode.systemtests.kubernetes.harness.Database;
import io.ambientcode.systemtests.support.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of this run only (initdb into a temporary directory, a free loopback port, trust auth for user
 * postgres), so a test may stop and start it without touching the machine's server on 5432 that other tests use.
 * PostgreSQL refuses to run as root: when the test runs as root, initdb and pg_ctl run as the {@code postgres} user
 * ({@code runuser}) and the directories belong to it.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest PostgreSQL server binaries on this machine (Debian layout), if any. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Integer versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** initdb and start; the server listens on 127.0.0.1 only, its socket in its own directory. */
    public static PrivatePostgres start(Path bin) {
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "resilience-pg");
            PrivatePostgres pg = new PrivatePostgres(bin, dir, Ports.free(), root);
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()), 30);
            }
            pg.runAsOwner(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--no-sync"), 120);
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "stop-private-postgres"));
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), 90);
    }

    /** Stops the server (fast mode: open sessions are disconnected, as when a database restarts under load). */
    public void stop() {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop"), 90);
    }

    public int port() {
        return port;
    }

    public Database database(String name) {
        return Database.on("127.0.0.1", port, name);
    }

    public Path log() {
        return dir.resolve("server.log");
    }

    private void runAsOwner(List<String> command, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        run(cmd, timeoutSeconds);
    }

    private static String run(List<String> cmd, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new java.io.File("/tmp")).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s: " + out);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(data)) {
            return;
        }
        try {
            stop();
        } catch (RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // temporary directory; best effort
        }
    }
}
