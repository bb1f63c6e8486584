package io.ambientcode.acpctl.cli;

/**
 * A failure a command reports as one line on stderr ({@code error: <message>}) with an exit code. The message must
 * never contain a secret: it is built from ids, names, paths, status codes and problem codes only.
 */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    public static CliException general(String message) {
        return new CliException(ExitCodes.GENERAL, message);
    }

    public static CliException notFound(String message) {
        return new CliException(ExitCodes.NOT_FOUND, message);
    }

    public static CliException conflict(String message) {
        return new CliException(ExitCodes.CONFLICT, message);
    }

    public static CliException notAvailable(String message) {
        return new CliException(ExitCodes.NOT_AVAILABLE, message);
    }
}
