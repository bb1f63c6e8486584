package io.ambientcode.acpctl.output;

/** How a command prints its result: an aligned table for people, JSON or YAML for scripts. */
public enum OutputFormat {
    table,
    json,
    yaml
}
