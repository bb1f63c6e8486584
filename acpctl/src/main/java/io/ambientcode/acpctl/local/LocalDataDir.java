package io.ambientcode.acpctl.local;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.config.CliConfig;
import io.ambientcode.acpctl.config.Contexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * The data directory local commands act on: {@code --data-dir}, else that of {@code --context} (which must be a
 * local context), else that of the built-in {@code local} context (whatever the current context is).
 */
@ApplicationScoped
public class LocalDataDir {

    @Inject
    Contexts contexts;

    public Path resolve(Path option, String contextOverride) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        Contexts.Selected selected = contexts.select(contextOverride != null ? contextOverride : CliConfig.LOCAL);
        if (!selected.context().isLocal()) {
            throw CliException.usage("context " + selected.name() + " is a cluster context; local mode needs a local one");
        }
        return selected.context().dataDirPath();
    }
}
