package io.ambientcode.systemtests.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One bash session that runs the walkthrough like a user typing it into a terminal: commands arrive one step at a time
 * through a FIFO (so shell variables carry from step to step), while the shell's own stdin stays free for the one
 * command that reads the token. Runs with {@code -e -o pipefail}: a failing command ends the shell and the test.
 * After each step an end marker goes to stdout and stderr, so the step's output can be told apart.
 */
final class WalkthroughShell implements AutoCloseable {

    /** A step's output and how long it took. */
    record StepOutput(String out, String err, Duration took) {
        @Override
        public String toString() {
            return "--- stdout\n" + out + "--- stderr\n" + err + "(" + took.toMillis() + " ms)";
        }
    }

    private final Process bash;
    private final OutputStream commands;
    private final Collector out;
    private final Collector err;
    private int outMark;
    private int errMark;

    WalkthroughShell(LocalWorld world, Path workingDirectory, Map<String, String> extraEnv) {
        Path fifo = world.root.resolve("walkthrough.fifo");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).inheritIO().start();
            if (mkfifo.waitFor() != 0) {
                throw new IllegalStateException("mkfifo failed");
            }
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-e", "-o", "pipefail",
                    fifo.toString()).directory(workingDirectory.toFile());
            builder.environment().clear();
            builder.environment().putAll(world.environment());
            builder.environment().putAll(extraEnv);
            bash = builder.start();
            out = new Collector(bash.getInputStream());
            err = new Collector(bash.getErrorStream());
            // Opening a FIFO for writing blocks until bash opens it for reading: bounded, in case bash never does.
            commands = CompletableFuture.supplyAsync(() -> {
                try {
                    return (OutputStream) new FileOutputStream(fifo.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the walkthrough shell", e);
        }
    }

    /** Writes {@code data} to the shell's stdin and closes it: the next command that reads stdin gets exactly this. */
    void stdin(byte[] data) {
        try (OutputStream in = bash.getOutputStream()) {
            in.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one step's text; fails with the output so far when the shell exits or the step outlasts the timeout. */
    StepOutput run(String text, Duration timeout) {
        String marker = "@@step-done-" + UUID.randomUUID();
        long start = System.nanoTime();
        try {
            commands.write((text + "\necho " + marker + "\necho " + marker + " >&2\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (IOException e) {
            throw new AssertionError("the walkthrough shell is gone:\n" + out.text() + err.text(), e);
        }
        long deadline = start + timeout.toNanos();
        while (!(out.text().indexOf(marker, outMark) >= 0 && err.text().indexOf(marker, errMark) >= 0)) {
            if (!bash.isAlive() && !out.open() && !err.open()) {
                throw new AssertionError("step failed: the shell exited with " + bash.exitValue() + "\n--- stdout\n"
                        + out.text().substring(outMark) + "--- stderr\n" + err.text().substring(errMark));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("step did not finish within " + timeout + "\n--- stdout\n"
                        + out.text().substring(outMark) + "--- stderr\n" + err.text().substring(errMark));
            }
            out.await(100);
        }
        String o = out.text();
        String e = err.text();
        int oEnd = o.indexOf(marker, outMark);
        int eEnd = e.indexOf(marker, errMark);
        StepOutput result = new StepOutput(o.substring(outMark, oEnd), e.substring(errMark, eEnd),
                Duration.ofNanos(System.nanoTime() - start));
        outMark = oEnd + marker.length() + 1;
        errMark = eEnd + marker.length() + 1;
        return result;
    }

    long pid() {
        return bash.pid();
    }

    /** Everything the shell printed (for the leak scan and for failure messages). */
    String transcript() {
        return out.text() + err.text();
    }

    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException ignored) {
            // the shell ends either way
        }
        try {
            if (!bash.waitFor(10, TimeUnit.SECONDS)) {
                bash.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bash.destroyForcibly();
        }
    }

    /** Reads a stream on its own thread into a buffer. */
    private static final class Collector {
        private final StringBuilder text = new StringBuilder();
        private volatile boolean open = true;

        Collector(InputStream stream) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (stream) {
                    int n;
                    while ((n = stream.read(buffer)) >= 0) {
                        synchronized (this) {
                            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // closed
                } finally {
                    open = false;
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }, "walkthrough-output");
            t.setDaemon(true);
            t.start();
        }

        synchronized String text() {
            return text.toString();
        }

        boolean open() {
            return open;
        }

        synchronized void await(long millis) {
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
