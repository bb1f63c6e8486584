package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.session.AgenticSession;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code acpctl session get NAME}. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a session: phase, sidecars, conditions.")
public class SessionGetCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Session name.")
    String name;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    SessionBackends backends;

    @Override
    public Integer call() {
        SessionNames.check(name);
        AgenticSession s = backends.forContext(context.name()).get(name);
        Printer.print(out(), output.format(), s, () -> SessionTables.session(s));
        return ExitCodes.OK;
    }
}
