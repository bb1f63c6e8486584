package io.ambientcode.systemtests.resilience;

import io.ambientcode.systemtests.support.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The resilience scenarios' table (issue 9, acceptance 7): one row per scenario, what it did, what it observed and the
 * verdict, printed at the end of the run and kept in {@code system-tests/target/resilience/summary.txt}. Each scenario
 * also prints its own "did: / observed:" lines as it goes ({@link #did}, {@link #observed}).
 */
public final class ResilienceSummary {

    public record Row(String scenario, String did, String observed, String verdict) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private ResilienceSummary() {
    }

    public static void did(String scenario, String what) {
        System.out.println("[resilience] " + scenario + " did: " + what);
    }

    public static void observed(String scenario, String what) {
        System.out.println("[resilience] " + scenario + " observed: " + what);
    }

    /**
     * Runs a scenario: {@code body} returns what it observed once every assertion held (PASS); a failing assertion
     * records a FAIL row with its message and is rethrown.
     */
    public static void run(String scenario, String did, Body body) {
        String observed;
        try {
            observed = body.run();
        } catch (AssertionError | RuntimeException e) {
            add(new Row(scenario, did, oneLine(e.getMessage()), "FAIL"));
            throw e;
        } catch (Exception e) {
            add(new Row(scenario, did, oneLine(e.toString()), "FAIL"));
            throw new AssertionError(e);
        }
        observed(scenario, observed);
        add(new Row(scenario, did, observed, "PASS"));
    }

    public static synchronized void skipped(String scenario, String why) {
        ROWS.add(new Row(scenario, "-", why, "SKIPPED"));
    }

    @FunctionalInterface
    public interface Body {
        String run() throws Exception;
    }

    private static synchronized void add(Row row) {
        ROWS.add(row);
    }

    public static synchronized List<Row> rows() {
        return List.copyOf(ROWS);
    }

    /** A Markdown table (the README carries one from a real run). */
    public static synchronized String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | did | observed | verdict |\n|---|---|---|---|\n");
        List<Row> sorted = new ArrayList<>(ROWS);
        sorted.sort(java.util.Comparator.comparing(Row::scenario)); // scenario numbers of the issue, not run order
        for (Row r : sorted) {
            sb.append("| ").append(cell(r.scenario())).append(" | ").append(cell(r.did())).append(" | ")
                    .append(cell(r.observed())).append(" | ").append(r.verdict()).append(" |\n");
        }
        return sb.toString();
    }

    public static void print() {
        String table = table();
        System.out.println();
        System.out.println("Resilience scenarios (issue 9)");
        System.out.print(table);
        try {
            Path dir = Repository.root().resolve("system-tests/target/resilience");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.txt"), table);
        } catch (IOException e) {
            System.out.println("(summary not written: " + e.getMessage() + ")");
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
