package io.ambientcode.systemtests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of flows and attacks a run went through, printed at the end of the run (acceptance 2 of issue 8) and kept
 * in {@code system-tests/target/system-tests/summary.txt}. A row is recorded when its assertion has passed; a test that
 * fails records a FAIL row first, so the table shows it too.
 */
public final class Summary {

    public enum Kind {
        FLOW, ATTACK, CHECK
    }

    public record Row(Kind kind, String name, String expected, String observed, String result) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private Summary() {
    }

    public static synchronized void pass(Kind kind, String name, String expected, String observed) {
        ROWS.add(new Row(kind, name, expected, observed, "PASS"));
    }

    public static synchronized void fail(Kind kind, String name, String expected, String observed) {
        ROWS.add(new Row(kind, name, expected, observed, "FAIL"));
    }

    public static synchronized void skipped(Kind kind, String name, String why) {
        ROWS.add(new Row(kind, name, "-", why, "SKIPPED"));
    }

    public static synchronized List<Row> rows() {
        return List.copyOf(ROWS);
    }

    /** Runs an assertion block and records its row either way. */
    public static void record(Kind kind, String name, String expected, ThrowingSupplier<String> check) {
        String observed;
        try {
            observed = check.get();
        } catch (AssertionError | RuntimeException e) {
            fail(kind, name, expected, oneLine(e.getMessage()));
            throw e;
        } catch (Exception e) {
            fail(kind, name, expected, oneLine(e.toString()));
            throw new AssertionError(e);
        }
        pass(kind, name, expected, observed);
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    public static synchronized String table() {
        int w1 = 6, w2 = 4, w3 = 8, w4 = 8;
        for (Row r : ROWS) {
            w2 = Math.max(w2, r.name().length());
            w3 = Math.max(w3, r.expected().length());
            w4 = Math.max(w4, r.observed().length());
        }
        w3 = Math.min(w3, 60);
        w4 = Math.min(w4, 90);
        String format = "| %-" + w1 + "s | %-" + w2 + "s | %-" + w3 + "s | %-" + w4 + "s | %-7s |%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(format, "kind", "flow / attack", "expected", "observed", "result"));
        sb.append(String.format(format, "-".repeat(w1), "-".repeat(w2), "-".repeat(w3), "-".repeat(w4), "-".repeat(7)));
        for (Row r : ROWS) {
            sb.append(String.format(format, r.kind(), r.name(), cut(r.expected(), w3), cut(r.observed(), w4), r.result()));
        }
        return sb.toString();
    }

    public static void print() {
        String table = table();
        System.out.println();
        System.out.println("System tests (Kubernetes path): flows and attacks");
        System.out.print(table);
        try {
            Files.writeString(Repository.runDirectory().resolve("summary.txt"), table);
        } catch (IOException e) {
            System.out.println("(summary not written: " + e.getMessage() + ")");
        }
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
