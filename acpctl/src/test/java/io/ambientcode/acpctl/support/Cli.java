package io.ambientcode.acpctl.support;

import io.ambientcode.acpctl.cli.CommandLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs acpctl in the test's Quarkus application exactly as the packaged main does (same command line factory,
 * handlers and beans), capturing stdout and stderr. Every run is recorded for the leak scans.
 */
public final class Cli {

    private final CommandLines commandLines;
    private final List<Run> runs = new ArrayList<>();

    public Cli(CommandLines commandLines) {
        this.commandLines = commandLines;
    }

    public Run run(String... args) {
        CommandLine cl = commandLines.create();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        Run run = new Run(code, out.toString(), err.toString());
        runs.add(run);
        return run;
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }
}
