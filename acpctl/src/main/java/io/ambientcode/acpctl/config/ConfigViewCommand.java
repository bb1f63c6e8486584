package io.ambientcode.acpctl.config;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code acpctl config view}: the effective settings of a context, defaults filled in; tokens are never shown. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Show the effective settings of the current context (or --context NAME); tokens are never shown.")
public class ConfigViewCommand extends BaseCommand {

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    Contexts contexts;
    @Inject
    ConfigStore store;

    @Override
    public Integer call() {
        Contexts.Selected s = contexts.select(context.name());
        ContextView view = ContextView.of(s.context(), s.stored(), s.name().equals(s.config().getCurrentContext()));
        Printer.print(out(), output.format(), view, () -> view.details().field("config-file", store.path()));
        return ExitCodes.OK;
    }
}
