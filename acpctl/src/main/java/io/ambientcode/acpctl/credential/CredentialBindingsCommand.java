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

/** {@code acpctl credential bindings --project P}: a project's bindings. */
@Command(name = "bindings", mixinStandardHelpOptions = true, description = "List a project's bindings.")
public class CredentialBindingsCommand extends BaseCommand {

    @Option(names = "--project", required = true, paramLabel = "PROJECT", description = "Project.")
    String project;

    @Option(names = "--credential", paramLabel = "ID", description = "Only bindings of this credential.")
    String credential;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;

    @Override
    public Integer call() {
        if (credential != null) {
            CredentialApi.checkId(credential, "credential id");
        }
        List<Binding> list = apis.forContext(context.name()).bindings(project).stream()
                .filter(b -> credential == null || credential.equals(b.credentialId()))
                .toList();
        if (list.isEmpty() && output.isTable()) {
            note("no bindings in project " + project);
            return ExitCodes.OK;
        }
        Printer.print(out(), output.format(), list, () -> CredentialTables.bindings(list));
        return ExitCodes.OK;
    }
}
