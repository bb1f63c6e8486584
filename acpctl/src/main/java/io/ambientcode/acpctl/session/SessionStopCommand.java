package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.acpctl.output.Table;
import io.ambientcode.contracts.session.AgenticSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl session stop NAME}: asks the control plane to stop the session ({@code spec.stop=true}); its
 * sidecars stop and its token exchanges are refused from then on. Follow with {@code session wait NAME --for Stopped}.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a session: its sidecars stop and no further session token is minted for it.")
public class SessionStopCommand extends SessionBaseCommand {

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
        AgenticSession s = backend.stop(name);
        Printer.print(out(), output.format(), s, () -> Table.details()
                .field("session", name)
                .field("stop-requested", "yes")
                .field("phase", SessionTables.phase(s)));
        return ExitCodes.OK;
    }
}
