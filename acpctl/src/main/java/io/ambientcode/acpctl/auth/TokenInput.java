package io.ambientcode.acpctl.auth;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.Terminal;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a command receives a secret: standard input, a file, or a hidden prompt, and never argv. {@code --token}
 * exists only to refuse: a value on the command line is visible to every local user while the process runs.
 */
public class TokenInput {

    public static final String ARGV_REFUSAL = "--token is refused: argv is visible to every local user "
            + "(ps, /proc/*/cmdline); use --token-stdin or --token-file";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--token-stdin", description = "Read the token from standard input (a pipe or a redirect).")
    boolean stdin;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the token from FILE.")
    Path file;

    @Option(names = "--token-prompt", description = "Ask for the token with a hidden prompt (needs a terminal).")
    boolean prompt;

    /** Present only to refuse: whatever follows it is never read, stored or echoed. */
    @Option(names = "--token", arity = "0..1", fallbackValue = "-", paramLabel = "REFUSED",
            description = "Refused: argv is visible to every local user. Use --token-stdin or --token-file.")
    void refuseArgvToken(String ignored) {
        if (ignored != null) {
            throw new ParameterException(mixee.commandLine(), ARGV_REFUSAL);
        }
    }

    /** True when the user chose a source explicitly. */
    public boolean given() {
        return stdin || file != null || prompt;
    }

    /**
     * Reads the secret from the chosen source, or, when none was chosen, from a hidden prompt if {@code promptAllowed}.
     *
     * @param promptLabel what the prompt asks for, e.g. "Token for github credential 'ci'"
     * @param promptAllowed false for multi-line secrets (a kubeconfig, a JSON key) that a prompt cannot take
     * @param promptRefusal why a prompt is not possible, when it is not allowed
     */
    public String read(Terminal terminal, String promptLabel, boolean promptAllowed, String promptRefusal) {
        int sources = (stdin ? 1 : 0) + (file != null ? 1 : 0) + (prompt ? 1 : 0);
        if (sources > 1) {
            throw CliException.usage("choose one of --token-stdin, --token-file and --token-prompt");
        }
        if (stdin) {
            return SecretText.fromStream(terminal.stdin(), "standard input");
        }
        if (file != null) {
            return SecretText.fromFile(file);
        }
        if (!promptAllowed) {
            throw CliException.usage(promptRefusal);
        }
        if (!terminal.interactive()) {
            throw CliException.usage("no token given and no terminal for a hidden prompt: use --token-stdin or --token-file");
        }
        return SecretText.fromChars(terminal.readHidden(promptLabel + ": "), "prompt");
    }
}
