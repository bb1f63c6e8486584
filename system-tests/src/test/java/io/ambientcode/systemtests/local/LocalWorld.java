package io.ambientcode.systemtests.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.local.LocalLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One local-mode run's world: a private home directory (so {@code ~/.ambient} and {@code ~/.config/acpctl} are this
 * run's), the environment a user's shell would have, and the means to find and stop every process of the run. Processes
 * are this run's when their argv or environment names its unique home directory (the services get it as
 * {@code AMBIENT_DATA_DIR} and {@code HOME}, the sidecars in {@code -Djava.io.tmpdir}), so cleanup never touches anything
 * else on the machine.
 */
final class LocalWorld implements AutoCloseable {

    static final int[] SERVICE_PORTS = { LocalLayout.TOKEN_SERVER_PORT, LocalLayout.CREDENTIAL_API_PORT,
            LocalLayout.CONTROL_PLANE_PORT };

    final Path root;
    final Path home;
    final Path dataDir;

    LocalWorld(String name) {
        Path base = repository().resolve("system-tests/target/local-mode");
        try {
            Files.createDirectories(base);
            this.root = Files.createDirectory(base.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)));
            this.home = Files.createDirectory(root.resolve("home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.dataDir = home.resolve(LocalLayout.DEFAULT_DATA_DIR_NAME);
        // The services are detached (their own session): if this JVM is stopped mid-test, they must still go.
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "local-mode-cleanup"));
    }

    static Path repository() {
        Path root = Path.of(System.getProperty("ambient.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("acpctl/bin/acpctl"))) {
            throw new IllegalStateException("not the repository root: " + root + " (set -Dambient.root)");
        }
        return root;
    }

    /** What a user's shell has: a PATH with java, a home, a locale. No AMBIENT_* variable: acpctl's defaults apply. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("USER", "walkthrough");
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", root.toString());
        return env;
    }

    Path acpctl() {
        return repository().resolve("acpctl/bin/acpctl");
    }

    /** The packaged applications the suite needs; a clear failure when the reactor did not build them. */
    static void requireBuilt() {
        for (String module : List.of("token-server", "credential-api", "control-plane", "sidecar-github", "acpctl")) {
            assertThat(repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))
                    .as("packaged " + module + " (./mvnw -B package -DskipTests)").isRegularFile();
        }
    }

    /** The fixed local-mode ports must be free, or the run would talk to someone else's services. */
    static void requireServicePortsFree() {
        for (int port : SERVICE_PORTS) {
            assertThat(listening(port)).as("port %d on 127.0.0.1 is in use; local mode needs it", port).isFalse();
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LocalLayout.LOOPBACK, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every live process whose argv or environment names this run's home (readable ones; we run them). */
    List<ProcessHandle> processes() {
        byte[] marker = home.toString().getBytes(StandardCharsets.UTF_8);
        List<ProcessHandle> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                if (contains(read(proc.resolve("cmdline")), marker) || contains(read(proc.resolve("environ")), marker)) {
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> !isZombie(pid)).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Stops whatever of this run still runs: SIGTERM, then SIGKILL. Used after every test, pass or fail. */
    void killAll() {
        List<ProcessHandle> left = processes();
        left.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : left) {
            try {
                h.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        killAll();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return new byte[0];
        }
    }

    static boolean isZombie(long pid) {
        String stat = new String(read(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.UTF_8);
        int close = stat.lastIndexOf(')');
        return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static void awaitGone(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the caller asserts
        }
    }
}
