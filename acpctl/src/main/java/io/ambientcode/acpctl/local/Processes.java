package io.ambientcode.acpctl.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Processes recorded by pid and start time: found again by another acpctl, stopped with SIGTERM then SIGKILL. */
final class Processes {

    private Processes() {
    }

    /** The live process with that pid and start time, whose command line names {@code jar}; zombies count as gone. */
    static Optional<ProcessHandle> find(long pid, String started, String jar) {
        if (pid <= 0 || started == null || started.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || isZombie(pid)) {
            return Optional.empty();
        }
        if (!started.equals(handle.get().info().startInstant().map(Instant::toString).orElse(""))) {
            return Optional.empty();
        }
        if (jar != null && !commandLine(pid).contains(jar)) {
            return Optional.empty();
        }
        return handle;
    }

    /** SIGTERM, up to {@code grace} to exit, then SIGKILL. Returns true when it had to be killed. */
    static boolean stop(ProcessHandle handle, Duration grace) {
        handle.destroy();
        if (waitFor(handle, grace)) {
            return false;
        }
        handle.destroyForcibly();
        waitFor(handle, Duration.ofSeconds(10));
        return true;
    }

    static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !handle.isAlive() || isZombie(handle.pid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
        }
    }
}
