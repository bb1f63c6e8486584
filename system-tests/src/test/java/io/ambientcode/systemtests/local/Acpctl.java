package io.ambientcode.systemtests.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code acpctl/bin/acpctl} (the packaged CLI, as a user does) in a {@link LocalWorld}. */
final class Acpctl {

    /** One run: exit code, stdout, stderr, wall time. */
    record Result(int exitCode, String out, String err, Duration took) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + took.toMillis() + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final LocalWorld world;
    private final List<String> transcript;

    Acpctl(LocalWorld world, List<String> transcript) {
        this.world = world;
        this.transcript = transcript;
    }

    Result run(String... args) {
        return run(null, Duration.ofMinutes(6), args);
    }

    /** With {@code stdin} written to the process and closed (null: no input at all). */
    Result run(byte[] stdin, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(world.acpctl().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(world.root.toFile());
        builder.environment().clear();
        builder.environment().putAll(world.environment());
        long start = System.nanoTime();
        try {
            Process p = builder.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("acpctl " + String.join(" ", args) + " did not finish within " + timeout);
            }
            Result r = new Result(p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS),
                    Duration.ofNanos(System.nanoTime() - start));
            transcript.add("$ acpctl " + String.join(" ", args) + "\n" + r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }
}
