package io.ambientcode.acpctl.output;

import picocli.CommandLine.Option;

/** {@code -o table|json|yaml}, on every command that prints a result. */
public class OutputOptions {

    @Option(names = { "-o", "--output" }, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    public OutputFormat format() {
        return format;
    }

    public boolean isTable() {
        return format == OutputFormat.table;
    }
}
