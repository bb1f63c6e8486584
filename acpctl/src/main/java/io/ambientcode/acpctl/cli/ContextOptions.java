package io.ambientcode.acpctl.cli;

import picocli.CommandLine.Option;

/** {@code --context NAME}: run one command in another context without switching the current one. */
public class ContextOptions {

    @Option(names = "--context", paramLabel = "NAME", description = "Use this context instead of the current one.")
    String name;

    /** The chosen context name, or null for the current context. */
    public String name() {
        return name;
    }
}
