package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code acpctl session}: agent sessions with credential sidecars. */
@Command(name = "session", aliases = "sessions", mixinStandardHelpOptions = true,
        description = "Agent sessions: AgenticSession resources in a cluster context, the local control plane locally.",
        subcommands = { SessionCreateCommand.class, SessionListCommand.class, SessionGetCommand.class,
                SessionStopCommand.class, SessionWaitCommand.class, SessionMcpConfigCommand.class })
public class SessionCommand extends CommandGroup {
}
