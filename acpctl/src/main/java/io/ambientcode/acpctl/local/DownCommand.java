package io.ambientcode.acpctl.local;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code acpctl down}: stop the local suite and every sidecar it started. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the local suite; leaves no process behind.")
public class DownCommand extends BaseCommand {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: the local context's).")
    Path dataDir;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Wait this long for a graceful stop before killing (default: ${DEFAULT-VALUE}).")
    Duration timeout;

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
        List<ServiceState> states = services.down(dir, timeout, this::note);
        Printer.print(out(), output.format(), states, () -> ServiceTables.services(states));
        return ExitCodes.OK;
    }
}
