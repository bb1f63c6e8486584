package io.ambientcode.acpctl.config;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.Environment;
import io.ambientcode.contracts.local.LocalLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/** Picks the context a command runs in ({@code --context}, else the current one) and fills in its defaults. */
@ApplicationScoped
public class Contexts {

    /** The credential API's default platform-admin group ({@code ambient.auth.users.platform-admin-group}). */
    public static final String DEFAULT_PLATFORM_ADMIN_GROUP = io.ambientcode.contracts.jwt.UserClaims.DEFAULT_PLATFORM_ADMIN_GROUP;

    @Inject
    ConfigStore store;
    @Inject
    Environment env;

    /** The config, the chosen context's name and its resolved settings. */
    public record Selected(CliConfig config, String name, ContextConfig stored, ResolvedContext context) {
    }

    public Selected select(String override) {
        CliConfig config = store.load();
        String name = override != null ? override : config.getCurrentContext();
        ContextConfig stored = config.getContexts().get(name);
        if (stored == null) {
            throw CliException.notFound("no context named " + name + " (see: acpctl config get-contexts)");
        }
        return new Selected(config, name, stored, resolve(name, stored));
    }

    public void save(CliConfig config) {
        store.save(config);
    }

    public ResolvedContext resolve(String name, ContextConfig c) {
        String adminGroup = c.getPlatformAdminGroup() != null ? c.getPlatformAdminGroup() : DEFAULT_PLATFORM_ADMIN_GROUP;
        if (c.getType() == ContextType.local) {
            return new ResolvedContext(name, ContextType.local,
                    c.getCredentialApiUrl() != null ? c.getCredentialApiUrl() : LocalLayout.url(LocalLayout.CREDENTIAL_API_PORT),
                    c.getControlPlaneUrl() != null ? c.getControlPlaneUrl() : LocalLayout.url(LocalLayout.CONTROL_PLANE_PORT),
                    localDataDir(c), null, null, null, null, adminGroup);
        }
        return new ResolvedContext(name, ContextType.cluster, c.getCredentialApiUrl(), null, null, c.getTokenFile(),
                c.getKubeconfig(), c.getKubeContext(), c.getNamespace(), adminGroup);
    }

    /** The context's data directory, else {@code $AMBIENT_DATA_DIR}, else {@code ~/.ambient} (LocalLayout's rule). */
    Path localDataDir(ContextConfig c) {
        if (c.getDataDir() != null) {
            return Path.of(c.getDataDir());
        }
        return env.get(LocalLayout.DATA_DIR_ENV).map(Path::of)
                .orElseGet(() -> env.home().resolve(LocalLayout.DEFAULT_DATA_DIR_NAME));
    }
}
