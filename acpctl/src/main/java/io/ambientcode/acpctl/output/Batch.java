package io.ambientcode.acpctl.output;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An operation over several items ({@code --all}, or several ids): every item is tried, each failure is reported on
 * its own {@code error:} line, the results are printed, and the exit code is non-zero if any failed (the failures'
 * common code when they agree, else {@link ExitCodes#GENERAL}).
 */
public final class Batch {

    /** The outcome of one item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "id", "result", "error" })
    public record Item(@JsonProperty("id") String id, @JsonProperty("result") String result,
            @JsonProperty("error") String error, @JsonIgnore Integer exitCode) {
    }

    private final String what;
    private final List<Item> items = new ArrayList<>();

    /** @param what the kind of item, for messages: "credential", "binding" */
    public Batch(String what) {
        this.what = what;
    }

    /** Runs one item's action; a failure is recorded, never thrown. */
    public void run(String id, String doneResult, Runnable action) {
        try {
            action.run();
            items.add(new Item(id, doneResult, null, null));
        } catch (CliException e) {
            items.add(new Item(id, "failed", e.getMessage(), e.exitCode()));
        } catch (RuntimeException e) {
            items.add(new Item(id, "failed", "unexpected failure (" + e.getClass().getName() + ")", ExitCodes.GENERAL));
        }
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Prints the results and every failure; returns the exit code. */
    public int finish(PrintWriter out, PrintWriter err, OutputFormat format) {
        List<Item> failed = items.stream().filter(i -> i.exitCode() != null).toList();
        Printer.print(out, format, Map.of("results", items), () -> {
            Table t = Table.of(what.toUpperCase(java.util.Locale.ROOT), "RESULT");
            items.forEach(i -> t.row(i.id(), i.result()));
            return t;
        });
        for (Item f : failed) {
            err.println("error: " + what + " " + f.id() + ": " + f.error());
        }
        if (failed.isEmpty()) {
            err.flush();
            return ExitCodes.OK;
        }
        err.println("error: " + failed.size() + " of " + items.size() + " failed");
        err.flush();
        int first = failed.get(0).exitCode();
        return failed.stream().allMatch(f -> f.exitCode() == first) ? first : ExitCodes.GENERAL;
    }
}
