package io.ambientcode.acpctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A leaf command: returns an exit code, or throws {@link CliException} for the one-line error. Results go to the
 * command line's out writer, progress and warnings to its err writer (so {@code -o json} output stays parseable).
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A note for people on stderr; never part of the machine-readable result. */
    protected void note(String message) {
        err().println(message);
        err().flush();
    }
}
