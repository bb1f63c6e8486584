package io.ambientcode.acpctl.cli;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.Console;
import java.io.InputStream;

/**
 * Where secrets are read from: standard input, or a hidden prompt on the controlling terminal. Never argv.
 */
@ApplicationScoped
public class Terminal {

    public InputStream stdin() {
        return System.in;
    }

    /** True when a hidden prompt is possible (an interactive terminal is attached). */
    public boolean interactive() {
        return System.console() != null;
    }

    /** Reads a line without echo; null at end of input. */
    public char[] readHidden(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw CliException.usage("no terminal for a hidden prompt");
        }
        return console.readPassword("%s", prompt);
    }
}
