package io.ambientcode.sidecar.bootstrap;

/**
 * A start-up variable is missing or invalid. The message names the variable and the rule it breaks; it never holds
 * the value of a secret variable (the proof, for instance), so it is safe to print before anything else runs.
 */
public final class InvalidEnvironmentException extends RuntimeException {

    private final String variable;

    public InvalidEnvironmentException(String variable, String reason) {
        super(variable + ": " + reason, null, false, false);
        this.variable = variable;
    }

    /** The name of the offending environment variable. */
    public String variable() {
        return variable;
    }
}
