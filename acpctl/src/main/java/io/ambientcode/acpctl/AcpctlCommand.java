package io.ambientcode.acpctl;

import io.ambientcode.acpctl.auth.LoginCommand;
import io.ambientcode.acpctl.cli.CommandGroup;
import io.ambientcode.acpctl.cli.CompletionCommand;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.cli.VersionProvider;
import io.ambientcode.acpctl.config.ConfigCommand;
import io.ambientcode.acpctl.credential.CredentialCommand;
import io.ambientcode.acpctl.local.DownCommand;
import io.ambientcode.acpctl.local.StatusCommand;
import io.ambientcode.acpctl.local.UpCommand;
import io.ambientcode.acpctl.session.SessionCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code acpctl}: credentials, bindings and agent sessions, on this machine or in a cluster. */
@TopCommand
@Command(name = "acpctl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Credentials, bindings and agent sessions with credential sidecars, locally or in a cluster.",
        footer = ExitCodes.HELP_FOOTER,
        subcommands = { UpCommand.class, DownCommand.class, StatusCommand.class, LoginCommand.class,
                ConfigCommand.class, CredentialCommand.class, SessionCommand.class, CompletionCommand.class })
public class AcpctlCommand extends CommandGroup {
}
