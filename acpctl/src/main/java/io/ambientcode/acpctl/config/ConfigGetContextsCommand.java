package io.ambientcode.acpctl.config;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.acpctl.output.Table;
import jakarta.inject.Inject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code acpctl config get-contexts}: every context, the current one marked. */
@Command(name = "get-contexts", mixinStandardHelpOptions = true, description = "List contexts.")
public class ConfigGetContextsCommand extends BaseCommand {

    @Mixin
    OutputOptions output;

    @Inject
    ConfigStore store;
    @Inject
    Contexts contexts;

    @Override
    public Integer call() {
        CliConfig config = store.load();
        List<ContextView> views = config.getContexts().entrySet().stream()
                .map(e -> ContextView.of(contexts.resolve(e.getKey(), e.getValue()), e.getValue(),
                        e.getKey().equals(config.getCurrentContext())))
                .toList();
        Printer.print(out(), output.format(), views, () -> {
            Table t = Table.of("CURRENT", "NAME", "TYPE", "CREDENTIAL-API", "KUBE-CONTEXT", "NAMESPACE", "USER");
            views.forEach(v -> t.row(v.current() ? "*" : "", v.name(), v.type(), v.credentialApiUrl(), v.kubeContext(),
                    v.namespace(), v.user()));
            return t;
        });
        return ExitCodes.OK;
    }
}
