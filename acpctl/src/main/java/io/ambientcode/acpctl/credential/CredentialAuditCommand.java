package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acpctl credential audit ID}: who did what with a credential, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show a credential's audit trail, newest first (owners and platform admins).")
public class CredentialAuditCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "Credential id.")
    String id;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N entries (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;

    @Override
    public Integer call() {
        CredentialApi.checkId(id, "credential id");
        if (limit < 1 || limit > 10_000) {
            throw CliException.usage("--limit must be between 1 and 10000");
        }
        List<AuditEntry> entries = apis.forContext(context.name()).audit(id, limit);
        if (entries.isEmpty() && output.isTable()) {
            note("no audit entries for credential " + id);
            return ExitCodes.OK;
        }
        Printer.print(out(), output.format(), entries, () -> CredentialTables.audit(entries));
        return ExitCodes.OK;
    }
}
