package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acpctl credential bind ID --project P [--agent A]}: let a project's (or one agent's) sessions use it. */
@Command(name = "bind", mixinStandardHelpOptions = true,
        description = "Bind a credential you own to a project you administer (optionally to one agent of it).")
public class CredentialBindCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "Credential id.")
    String id;

    @Option(names = "--project", required = true, paramLabel = "PROJECT", description = "Project.")
    String project;

    @Option(names = "--agent", paramLabel = "AGENT", description = "Only sessions of this agent (agent bindings win).")
    String agent;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;

    @Override
    public Integer call() {
        CredentialApi.checkId(id, "credential id");
        Binding b = apis.forContext(context.name()).bind(project, id, agent);
        Printer.print(out(), output.format(), b, () -> CredentialTables.binding(b));
        return ExitCodes.OK;
    }
}
