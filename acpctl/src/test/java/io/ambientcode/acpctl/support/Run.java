package io.ambientcode.acpctl.support;

/** The outcome of one acpctl invocation: exit code, stdout, stderr. */
public record Run(int exitCode, String out, String err) {

    /** All text the user saw. */
    public String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
