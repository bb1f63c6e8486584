package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code acpctl credential list}: credentials you own or that are bound to your projects. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List credentials you own or that are bound to your projects (metadata only).")
public class CredentialListCommand extends BaseCommand {

    @Option(names = "--provider", paramLabel = "PROVIDER", description = "Only this provider's credentials.")
    String provider;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;

    @Override
    public Integer call() {
        List<Credential> list = apis.forContext(context.name()).list(provider);
        if (list.isEmpty() && output.isTable()) {
            note("no credentials");
            return ExitCodes.OK;
        }
        Printer.print(out(), output.format(), list, () -> CredentialTables.credentials(list));
        return ExitCodes.OK;
    }
}
