package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.auth.TokenInput;
import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.cli.Terminal;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl credential update ID}: change fields (a JSON merge patch of only what was given). An empty value
 * removes an optional field; the token changes only with --token-stdin, --token-file or --token-prompt.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = { "Change a credential you own. Only the given fields change; an empty value removes one.",
                "Rotate the token: acpctl credential update ID --token-stdin < new-token.txt" })
public class CredentialUpdateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "Credential id.")
    String id;

    @Option(names = "--name", paramLabel = "NAME", description = "New name.")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "New URL (empty: remove).")
    String url;

    @Option(names = "--email", paramLabel = "EMAIL", description = "New email (empty: remove).")
    String email;

    @Option(names = "--description", paramLabel = "TEXT", description = "New description (empty: remove).")
    String description;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Replace the metadata with these entries (repeatable).")
    Map<String, String> metadata;

    @Option(names = "--clear-metadata", description = "Remove all metadata.")
    boolean clearMetadata;

    @Mixin
    TokenInput tokenInput;
    @Mixin
    ContextOptions context;
    @Mixin
    OutputOptions output;

    @Inject
    CredentialApis apis;
    @Inject
    Terminal terminal;

    @Override
    public Integer call() {
        CredentialApi.checkId(id, "credential id");
        if (metadata != null && clearMetadata) {
            throw CliException.usage("use either --metadata or --clear-metadata");
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        if (name != null) {
            if (name.isEmpty()) {
                throw CliException.usage("--name cannot be empty");
            }
            patch.put("name", name);
        }
        putOrRemove(patch, "url", url);
        putOrRemove(patch, "email", email);
        putOrRemove(patch, "description", description);
        if (metadata != null) {
            patch.put("metadata", new LinkedHashMap<>(metadata));
        } else if (clearMetadata) {
            patch.put("metadata", null);
        }
        if (tokenInput.given()) {
            patch.put("token", tokenInput.read(terminal, "New token for credential " + id, true, null));
        }
        if (patch.isEmpty()) {
            throw CliException.usage("nothing to update: give at least one of --name, --url, --email, --description, "
                    + "--metadata, --clear-metadata, --token-stdin, --token-file, --token-prompt");
        }
        Credential updated = apis.forContext(context.name()).update(id, patch);
        Printer.print(out(), output.format(), updated, () -> CredentialTables.credential(updated));
        return ExitCodes.OK;
    }

    /** In a JSON merge patch, null removes a field. */
    private static void putOrRemove(Map<String, Object> patch, String field, String value) {
        if (value != null) {
            patch.put(field, value.isEmpty() ? null : value);
        }
    }
}
