package io.ambientcode.acpctl.config;

import io.ambientcode.acpctl.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code acpctl config}: contexts (local, or a cluster's URLs and kubeconfig context). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Contexts: 'local' (the suite on this machine) or a cluster's credential API and kubeconfig context.",
        subcommands = { ConfigGetContextsCommand.class, ConfigUseCommand.class, ConfigSetCommand.class,
                ConfigViewCommand.class })
public class ConfigCommand extends CommandGroup {
}
