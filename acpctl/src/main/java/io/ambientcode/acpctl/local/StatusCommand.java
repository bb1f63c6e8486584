package io.ambientcode.acpctl.local;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code acpctl status}: the local services, their URLs, pids and logs. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the local suite's services.")
public class StatusCommand extends BaseCommand {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: the local context's).")
    Path dataDir;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    LocalServices services;
    @Inject
    LocalDataDir dataDirs;

    @Override
    public Integer call() {
        Path dir = dataDirs.resolve(dataDir, context.name());
        List<ServiceState> states = services.status(dir);
        Printer.print(out(), output.format(), states, () -> ServiceTables.services(states));
        return ExitCodes.OK;
    }
}
