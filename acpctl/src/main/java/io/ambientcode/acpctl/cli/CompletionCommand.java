package io.ambientcode.acpctl.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code acpctl completion bash|zsh}: a completion script for the shell, generated from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = { "Print a shell completion script.",
                "bash: source <(acpctl completion bash)",
                "zsh:  source <(acpctl completion zsh)" })
public class CompletionCommand extends BaseCommand {

    /** The shells the generated script supports (zsh through bashcompinit, which the script loads). */
    public enum Shell {
        bash,
        zsh
    }

    @Parameters(index = "0", defaultValue = "bash", paramLabel = "SHELL", description = "bash or zsh (default: bash).")
    Shell shell;

    @Override
    public Integer call() {
        // The same script serves both shells: picocli's script enables bashcompinit when it runs under zsh.
        out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out().flush();
        return ExitCodes.OK;
    }
}
