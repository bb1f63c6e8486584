package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code acpctl credential}: credentials and their bindings in the credential API. */
@Command(name = "credential", aliases = "credentials", mixinStandardHelpOptions = true,
        description = "Credentials and bindings. Tokens are read from stdin, a file or a hidden prompt, never argv, "
                + "and are never printed.",
        subcommands = { CredentialCreateCommand.class, CredentialListCommand.class, CredentialGetCommand.class,
                CredentialUpdateCommand.class, CredentialDeleteCommand.class, CredentialBindCommand.class,
                CredentialUnbindCommand.class, CredentialBindingsCommand.class, CredentialAuditCommand.class })
public class CredentialCommand extends CommandGroup {
}
