package io.ambientcode.controlplane.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process recorded by pid and start time, so a pid the kernel reused for something else is never adopted or killed.
 */
public final class ProcessIdentity {

    private ProcessIdentity() {
    }

    /** The start time as recorded, truncated to the milliseconds {@code ProcessHandle} reports. */
    public static String startOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toString).orElse("");
    }

    /** The live process with that pid and start time, running {@code jar} when given; zombies count as gone. */
    public static Optional<ProcessHandle> find(long pid, String started, String jar) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || isZombie(pid)) {
            return Optional.empty();
        }
        if (started == null || started.isEmpty() || !started.equals(startOf(handle.get()))) {
            return Optional.empty();
        }
        if (jar != null && !commandLine(pid).contains(jar)) {
            return Optional.empty();
        }
        return handle;
    }

    /** Linux: state {@code Z} in {@code /proc/<pid>/stat}; elsewhere never. */
    static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int close = text.lastIndexOf(')');
            return close > 0 && close + 2 < text.length() && text.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** The NUL-separated argv as one string (Linux), or the JDK's view elsewhere. */
    static String commandLine(long pid) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            return new String(Files.readAllBytes(cmdline)).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
        }
    }
}
