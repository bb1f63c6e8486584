package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus application ({@code quarkus-run.jar}) run as a real process with exactly the environment given:
 * the inherited environment is cut to a few neutral variables and HOME is a fresh directory, so nothing from the
 * developer's machine (a ~/.kube/config, a ~/.ambient, an exported variable) changes what is tested. Output goes to
 * {@code system-tests/target/system-tests/logs/<name>.log}, which the leak scan reads.
 */
public final class JavaProcess implements AutoCloseable {

    private static final Set<String> INHERITED = Set.of("PATH", "LANG", "LC_ALL", "JAVA_HOME", "TZ");
    /** Every process started and not yet closed: killed when the test JVM exits, whatever happened before. */
    private static final Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-test-processes"));
    }

    /** Where logs go; a run other than the Kubernetes path (resilience, benchmarks) points it at its own directory. */
    private static volatile Path logDirectory;

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static JavaProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> env) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the module first (./mvnw -B package -DskipTests)");
        }
        try {
            Path log = logDirectory().resolve(name + ".log");
            Path home = Files.createTempDirectory("systest-home-" + name.replaceAll("[^a-zA-Z0-9-]", "_"));
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.add("-jar");
            cmd.add(jar.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(home.toFile());
            pb.environment().keySet().retainAll(INHERITED);
            pb.environment().put("HOME", home.toString());
            pb.environment().putAll(env);
            Process process = pb.start();
            LIVE.add(process);
            return new JavaProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Sends every later process's output to {@code directory} (created if missing). */
    public static void useLogDirectory(Path directory) {
        logDirectory = directory;
    }

    public static Path logDirectory() {
        Path dir = logDirectory != null ? logDirectory : Repository.runDirectory().resolve("logs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crashed node or an OOM kill ends a container: no shutdown hook runs. Waits until it is gone. */
    public void kill() {
        LIVE.remove(process);
        process.destroyForcibly();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGSTOP: the process keeps its sockets (the kernel still accepts connections) but answers nothing. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).redirectErrorStream(true).start();
            String out = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the URL answers 200; fails with the tail of the log if the process dies or time runs out. */
    public JavaProcess awaitOk(String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Http.probe(url) == 200) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " did not answer 200 at " + url + " within " + timeout + ":\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        LIVE.remove(process);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
