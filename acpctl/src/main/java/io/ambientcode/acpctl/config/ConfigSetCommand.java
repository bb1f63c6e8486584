package io.ambientcode.acpctl.config;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.url.UrlPolicy;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl config set NAME [options]}: create or change a context. An empty value ({@code --namespace ""})
 * removes a setting. The built-in {@code local} context stays local.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = { "Create or change a context. An empty value removes a setting.",
                "Cluster: acpctl config set prod --credential-api-url https://ambient.example.com "
                        + "--kube-context prod --namespace team-a --use" })
public class ConfigSetCommand extends BaseCommand {

    static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";

    @Parameters(index = "0", paramLabel = "NAME", description = "Context name.")
    String name;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "local or cluster (new contexts other than 'local' default to cluster).")
    ContextType type;

    @Option(names = "--credential-api-url", paramLabel = "URL", description = "Base URL of the credential API.")
    String credentialApiUrl;

    @Option(names = "--control-plane-url", paramLabel = "URL",
            description = "Local contexts: the control plane's local URL (default from the local layout).")
    String controlPlaneUrl;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Local contexts: the data directory (default $AMBIENT_DATA_DIR or ~/.ambient).")
    String dataDir;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Cluster contexts: read the OIDC token from FILE on every call (kept fresh by another tool).")
    String tokenFile;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Cluster contexts: kubeconfig file (default $KUBECONFIG or ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--kube-context", paramLabel = "NAME",
            description = "Cluster contexts: kubeconfig context for sessions (default: its current context).")
    String kubeContext;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Cluster contexts: namespace of sessions (default: the kubeconfig context's, else 'default').")
    String namespace;

    @Option(names = "--platform-admin-group", paramLabel = "GROUP",
            description = "Group name that makes a user platform admin (local login adds it; default "
                    + Contexts.DEFAULT_PLATFORM_ADMIN_GROUP + ").")
    String platformAdminGroup;

    @Option(names = "--use", description = "Also make it the current context.")
    boolean use;

    @Mixin
    OutputOptions output;

    @Inject
    ConfigStore store;
    @Inject
    Contexts contexts;

    @Override
    public Integer call() {
        if (!name.matches(NAME_PATTERN)) {
            throw CliException.usage("context name must match " + NAME_PATTERN);
        }
        CliConfig config = store.load();
        ContextConfig existing = config.getContexts().get(name);
        if (existing == null) {
            existing = new ContextConfig(type != null ? type : ContextType.cluster);
            config.getContexts().put(name, existing);
        }
        ContextConfig c = existing;
        if (type != null && type != c.getType()) {
            if (name.equals(CliConfig.LOCAL)) {
                throw CliException.usage("the built-in context 'local' is always of type local");
            }
            c.setType(type);
        }
        boolean local = c.getType() == ContextType.local;
        requireKind(local, "local", "--control-plane-url", controlPlaneUrl, "--data-dir", dataDir);
        requireKind(!local, "cluster", "--token-file", tokenFile, "--kubeconfig", kubeconfig, "--kube-context", kubeContext,
                "--namespace", namespace);

        set(credentialApiUrl, v -> checkUrl("--credential-api-url", v), c::setCredentialApiUrl);
        set(controlPlaneUrl, v -> checkUrl("--control-plane-url", v), c::setControlPlaneUrl);
        set(dataDir, v -> { }, v -> c.setDataDir(absolute(v)));
        set(tokenFile, v -> { }, v -> c.setTokenFile(absolute(v)));
        set(kubeconfig, v -> { }, v -> c.setKubeconfig(absolute(v)));
        set(kubeContext, v -> { }, c::setKubeContext);
        set(namespace, v -> checkNamespace(v), c::setNamespace);
        set(platformAdminGroup, v -> { }, c::setPlatformAdminGroup);
        if (use) {
            config.setCurrentContext(name);
        }
        store.save(config);
        ContextView view = ContextView.of(contexts.resolve(name, c), c, name.equals(config.getCurrentContext()));
        Printer.print(out(), output.format(), view, view::details);
        return ExitCodes.OK;
    }

    /** Options that apply only to one kind of context are refused on the other, so typos do not pass silently. */
    private static void requireKind(boolean allowed, String kind, String... optionValuePairs) {
        for (int i = 0; i + 1 < optionValuePairs.length; i += 2) {
            if (optionValuePairs[i + 1] != null && !allowed) {
                throw CliException.usage(optionValuePairs[i] + " applies only to " + kind + " contexts");
            }
        }
    }

    private static void set(String value, Consumer<String> check, Consumer<String> setter) {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            setter.accept(null);
            return;
        }
        check.accept(value);
        setter.accept(value);
    }

    /** Paths are stored absolute: the config is read from any working directory. */
    private static String absolute(String path) {
        return path == null ? null : Path.of(path).toAbsolutePath().normalize().toString();
    }

    private static void checkUrl(String option, String value) {
        try {
            // Bearer tokens and credential tokens travel to these URLs: https unless loopback.
            UrlPolicy.allowingExternal().check(option, value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private static void checkNamespace(String value) {
        if (!value.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw CliException.usage("--namespace must be a Kubernetes namespace name (lower-case DNS label)");
        }
    }
}
