package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.http.PathSegments;
import io.ambientcode.acpctl.output.Batch;
import io.ambientcode.acpctl.output.OutputOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl credential unbind BINDING_ID... --project P | --all --project P [--credential ID] [--agent A]}.
 * Every binding is tried; failures are reported one by one and make the exit code non-zero.
 */
@Command(name = "unbind", mixinStandardHelpOptions = true,
        description = { "Remove bindings from a project.",
                "  acpctl credential unbind BINDING_ID [BINDING_ID...] --project P",
                "  acpctl credential unbind --all --project P [--credential ID] [--agent A]" })
public class CredentialUnbindCommand extends BaseCommand {

    @Parameters(paramLabel = "BINDING_ID", arity = "0..*", description = "Binding ids (see: acpctl credential bindings).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--project", required = true, paramLabel = "PROJECT", description = "Project.")
    String project;

    @Option(names = "--all", description = "Remove every binding of the project (narrowed by --credential/--agent).")
    boolean all;

    @Option(names = "--credential", paramLabel = "ID", description = "With --all: only bindings of this credential.")
    String credential;

    @Option(names = "--agent", paramLabel = "AGENT", description = "With --all: only bindings of this agent.")
    String agent;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;

    @Override
    public Integer call() {
        if (all == !ids.isEmpty()) {
            throw CliException.usage("give binding ids, or --all");
        }
        if (!all && (credential != null || agent != null)) {
            throw CliException.usage("--credential and --agent apply only with --all");
        }
        PathSegments.encode(project, "project");
        ids.forEach(id -> CredentialApi.checkId(id, "binding id"));
        if (credential != null) {
            CredentialApi.checkId(credential, "credential id");
        }
        CredentialApi api = apis.forContext(context.name());
        List<String> targets = ids;
        if (all) {
            targets = api.bindings(project).stream()
                    .filter(b -> credential == null || credential.equals(b.credentialId()))
                    .filter(b -> agent == null || agent.equals(b.agent()))
                    .map(Binding::id)
                    .toList();
            if (targets.isEmpty()) {
                note("no matching bindings in project " + project);
            }
        }
        Batch batch = new Batch("binding");
        for (String id : targets) {
            batch.run(id, "unbound", () -> api.unbind(project, id));
        }
        return batch.finish(out(), err(), output.format());
    }
}
