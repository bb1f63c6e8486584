package io.ambientcode.acpctl.config;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.acpctl.output.Table;
import jakarta.inject.Inject;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code acpctl config use NAME}: make a context the current one. */
@Command(name = "use", mixinStandardHelpOptions = true, description = "Make a context the current one.")
public class ConfigUseCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The context to use.")
    String name;

    @Mixin
    OutputOptions output;

    @Inject
    ConfigStore store;

    @Override
    public Integer call() {
        CliConfig config = store.load();
        if (!config.getContexts().containsKey(name)) {
            throw CliException.notFound("no context named " + name + " (see: acpctl config get-contexts)");
        }
        config.setCurrentContext(name);
        store.save(config);
        Printer.print(out(), output.format(), Map.of("current_context", name),
                () -> Table.details().field("current-context", name));
        return ExitCodes.OK;
    }
}
