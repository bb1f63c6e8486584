package io.ambientcode.acpctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every failure ends as ONE line on stderr, {@code error: ...}, and an exit code from {@link ExitCodes}. Unexpected
 * exceptions print their class only: their messages may quote input, and input may be a secret. Set
 * {@value #DEBUG_ENV}=1 to get the stack trace.
 */
public final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

    public static final String DEBUG_ENV = "ACPCTL_DEBUG";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + oneLine(ex.getMessage()) + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliException cli) {
            err.println("error: " + oneLine(cli.getMessage()));
            err.flush();
            return cli.exitCode();
        }
        err.println("error: unexpected failure (" + ex.getClass().getName() + "); set " + DEBUG_ENV
                + "=1 for details");
        if (System.getenv(DEBUG_ENV) != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.GENERAL;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("[\\r\\n]+", " ").strip();
    }
}
