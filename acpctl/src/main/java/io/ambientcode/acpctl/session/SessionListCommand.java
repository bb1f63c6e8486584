package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.session.AgenticSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code acpctl session list}. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List sessions.")
public class SessionListCommand extends SessionBaseCommand {

    @Mixin
    OutputOptions output;

    @Override
    protected void validate() {
    }

    @Override
    protected int run(SessionBackend backend) {
        List<AgenticSession> list = backend.list().stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .toList();
        if (list.isEmpty() && output.isTable()) {
            note("no sessions in " + backend.where());
            return ExitCodes.OK;
        }
        Printer.print(out(), output.format(), list, () -> SessionTables.sessions(list, Instant.now()));
        return ExitCodes.OK;
    }
}
