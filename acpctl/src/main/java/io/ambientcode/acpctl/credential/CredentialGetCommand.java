package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code acpctl credential get ID}: one credential's metadata. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a credential's metadata (never its token).")
public class CredentialGetCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "Credential id.")
    String id;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;

    @Override
    public Integer call() {
        CredentialApi.checkId(id, "credential id");
        Credential c = apis.forContext(context.name()).get(id);
        Printer.print(out(), output.format(), c, () -> CredentialTables.credential(c));
        return ExitCodes.OK;
    }
}
