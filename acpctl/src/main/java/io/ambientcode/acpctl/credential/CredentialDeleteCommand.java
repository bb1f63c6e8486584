package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.Batch;
import io.ambientcode.acpctl.output.OutputOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl credential delete ID... | --all --provider P}: delete credentials you own. A bound credential is
 * deleted only with {@code --force} (which removes its bindings too). Every item is tried; failures are reported
 * one by one and make the exit code non-zero.
 */
@Command(name = "delete", aliases = "rm", mixinStandardHelpOptions = true,
        description = { "Delete credentials you own. Bound ones need --force (their bindings go too).",
                "  acpctl credential delete ID [ID...]",
                "  acpctl credential delete --all --provider github [--force]" })
public class CredentialDeleteCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Credential ids.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Delete every credential you own of --provider.")
    boolean all;

    @Option(names = "--provider", paramLabel = "PROVIDER", description = "With --all: the provider whose credentials go.")
    String provider;

    @Option(names = "--force", description = "Also delete bound credentials, removing their bindings.")
    boolean force;

    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;

    @Override
    public Integer call() {
        if (all == !ids.isEmpty()) {
            throw CliException.usage("give credential ids, or --all --provider PROVIDER");
        }
        if (all && provider == null) {
            throw CliException.usage("--all needs --provider (deleting every credential at once is not offered)");
        }
        if (!all && provider != null) {
            throw CliException.usage("--provider applies only with --all");
        }
        ids.forEach(id -> CredentialApi.checkId(id, "credential id"));
        CredentialApi api = apis.forContext(context.name());
        List<String> targets = ids;
        if (all) {
            String me = api.whoami().subject();
            // Platform admins see everyone's credentials: --all means your own.
            targets = api.list(provider).stream().filter(c -> Objects.equals(me, c.owner())).map(Credential::id).toList();
            if (targets.isEmpty()) {
                note("no " + provider + " credentials owned by " + me);
            }
        }
        Batch batch = new Batch("credential");
        for (String id : targets) {
            batch.run(id, "deleted", () -> delete(api, id));
        }
        return batch.finish(out(), err(), output.format());
    }

    private void delete(CredentialApi api, String id) {
        try {
            api.delete(id, force);
        } catch (CliException e) {
            if (e.exitCode() == ExitCodes.CONFLICT && !force) {
                throw new CliException(e.exitCode(), e.getMessage() + "; use --force to delete it with its bindings");
            }
            throw e;
        }
    }
}
