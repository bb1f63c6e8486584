package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.session.AgenticSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code acpctl session get NAME}. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a session: phase, sidecars, conditions.")
public class SessionGetCommand extends SessionBaseCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Session name.")
    String name;

    @Mixin
    OutputOptions output;

    @Override
    protected void validate() {
        SessionNames.check(name);
    }

    @Override
    protected int run(SessionBackend backend) {
        AgenticSession s = backend.get(name);
        Printer.print(out(), output.format(), s, () -> SessionTables.session(s));
        return ExitCodes.OK;
    }
}
