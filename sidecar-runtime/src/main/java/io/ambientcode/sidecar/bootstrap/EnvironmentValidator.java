package io.ambientcode.sidecar.bootstrap;

import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Fail closed at start-up (I6): the environment contract, then the provider module's own configuration
 * ({@link SidecarProviderModule#configurationProblems}), are validated before anything is served. Quarkus fires the
 * start-up event before the HTTP server binds its port, so an exception here stops the process with a non-zero exit
 * and the port never opens. The variables are read through MicroProfile Config under their exact names, which
 * resolves to the process environment in production and lets tests supply them as config.
 */
@Singleton
public class EnvironmentValidator {

    private static final Logger LOG = Logger.getLogger(EnvironmentValidator.class);

    void validate(@Observes @Priority(1) StartupEvent event, Config config, Instance<SidecarProviderModule> modules,
            SidecarContext context, CredentialHolder holder, Instance<CredentialRefresher> refresher) {
        if (!modules.isResolvable()) {
            throw new InvalidEnvironmentException("SidecarProviderModule",
                    "exactly one provider module bean is required in a sidecar application");
        }
        SidecarProviderModule module = modules.get();
        SidecarEnvironment env;
        try {
            env = SidecarEnvironment.parse(name -> lookup(config, name), module.provider());
        } catch (InvalidEnvironmentException e) {
            LOG.errorf("refusing to start the %s sidecar: invalid environment: %s", module.provider().id(), e.getMessage());
            throw e;
        }
        List<String> problems = module.configurationProblems();
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            LOG.errorf("refusing to start the %s sidecar: invalid configuration: %s", module.provider().id(), message);
            throw new InvalidConfigurationException(message);
        }
        holder.addStaticSecret(env.proof());
        context.accept(env);
        LOG.infof("%s sidecar for session %s, credential %s", module.provider().id(), env.sessionId(), env.credentialId());
        refresher.get().start();
    }

    private static Optional<String> lookup(Config config, String name) {
        return config.getOptionalValue(name, String.class);
    }
}
