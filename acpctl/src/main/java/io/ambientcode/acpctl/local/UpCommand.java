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

/** {@code acpctl up}: start the suite on this machine (token-server, credential-api, control plane), idempotently. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the whole suite on this machine, bound to 127.0.0.1, and wait until it is ready.")
public class UpCommand extends BaseCommand {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: the local context's, $AMBIENT_DATA_DIR or ~/.ambient).")
    Path dataDir;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m",
            description = "Give up waiting for readiness after this long (default: ${DEFAULT-VALUE}).")
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
        List<ServiceState> states = services.up(new LocalServices.UpRequest(dir, timeout), this::note);
        Printer.print(out(), output.format(), states, () -> ServiceTables.services(states));
        return ExitCodes.OK;
    }
}
