package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.auth.TokenInput;
import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.cli.Terminal;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.provider.CredentialShape;
import io.ambientcode.contracts.provider.Provider;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acpctl credential create NAME --provider P}: store a credential; the token never touches argv. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = { "Store a credential you own. The token comes from --token-stdin, --token-file or a hidden prompt.",
                "  acpctl credential create my-github --provider github --token-stdin < token.txt",
                "  acpctl credential create my-cluster --provider kubeconfig --token-file ~/.kube/agent.yaml" })
public class CredentialCreateCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Credential name (unique among yours).")
    String name;

    @Option(names = "--provider", required = true, paramLabel = "PROVIDER",
            description = "github, jira, kubeconfig, google (with sidecars) or gitlab (stored only).")
    String provider;

    @Option(names = "--url", paramLabel = "URL", description = "API base or site URL (github: default api.github.com; jira: required).")
    String url;

    @Option(names = "--email", paramLabel = "EMAIL", description = "Jira Cloud account email; Google delegation subject.")
    String email;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
    String description;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Metadata entry (repeatable).")
    Map<String, String> metadata;

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
        CredentialShape shape = Provider.storableShape(provider).orElseThrow(() -> CliException.usage(
                "unknown provider " + provider + " (known: " + String.join(", ", knownProviders()) + ")"));
        boolean singleLine = shape != CredentialShape.KUBECONFIG && shape != CredentialShape.GOOGLE;
        String token = tokenInput.read(terminal, "Token for " + provider + " credential " + name, singleLine,
                "a " + provider + " credential is a multi-line document: use --token-stdin or --token-file");
        List<CredentialShape.FieldProblem> problems = shape.validate(new CredentialShape.CredentialFields(token, url, email));
        if (!problems.isEmpty()) {
            CredentialShape.FieldProblem p = problems.get(0);
            throw CliException.usage(p.field() + " " + p.message());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("provider", provider);
        putIfSet(body, "description", description);
        putIfSet(body, "url", url);
        putIfSet(body, "email", email);
        if (metadata != null && !metadata.isEmpty()) {
            body.put("metadata", new LinkedHashMap<>(metadata));
        }
        body.put("token", token);
        Credential created = apis.forContext(context.name()).create(body);
        Printer.print(out(), output.format(), created, () -> CredentialTables.credential(created));
        return ExitCodes.OK;
    }

    static List<String> knownProviders() {
        TreeSet<String> all = new TreeSet<>(Provider.ids());
        all.addAll(Provider.STORED_WITHOUT_SIDECAR.keySet());
        return List.copyOf(all);
    }

    private static void putIfSet(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(field, value);
        }
    }
}
