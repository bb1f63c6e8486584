package io.ambientcode.acpctl.cli;

/**
 * The exit codes of every acpctl command, documented in {@code acpctl --help} and the module README. Scripts may rely
 * on them: they change only with a major version.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /**
     * A general failure: the server answered an error that is not one of the cases below (401, 403, 5xx), a service
     * could not be reached, {@code session wait} timed out or the session ended in another phase, or an {@code --all}
     * operation had failures of different kinds.
     */
    public static final int GENERAL = 1;
    /** A usage error: bad or missing options, a token offered on argv, or input the server rejected (400, 413, 422). */
    public static final int USAGE = 2;
    /** Not available: the feature is not in this build yet, or local mode is not set up (run {@code acpctl up}). */
    public static final int NOT_AVAILABLE = 3;
    /** Not found: no such credential, binding, session or context (404). */
    public static final int NOT_FOUND = 4;
    /** Conflict: the thing exists already, is still in use, or changed concurrently (409, 412). */
    public static final int CONFLICT = 5;

    /** The footer of {@code acpctl --help}. */
    public static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0  success%n"
            + "  1  general or server error (also: partial failure of --all, wait timeout)%n"
            + "  2  usage error (bad options, token on argv, input rejected by the server)%n"
            + "  3  not available (not in this build yet; local mode not set up: acpctl up)%n"
            + "  4  not found%n"
            + "  5  conflict (already exists, still bound, changed concurrently)%n";

    private ExitCodes() {
    }

    /** The exit code for an HTTP error status of one of the suite's services. */
    public static int forHttpStatus(int status) {
        return switch (status) {
            case 400, 413, 415, 422 -> USAGE;
            case 404 -> NOT_FOUND;
            case 409, 412 -> CONFLICT;
            default -> GENERAL;
        };
    }
}
