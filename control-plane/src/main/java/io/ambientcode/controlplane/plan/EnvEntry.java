package io.ambientcode.controlplane.plan;

import java.util.Objects;

/** One environment variable of a planned process: a literal name and value, nothing read from elsewhere. */
public record EnvEntry(String name, String value) {

    public EnvEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Names only: values may be user data and never go into logs or messages. */
    @Override
    public String toString() {
        return name + "=<" + value.length() + " chars>";
    }
}
