package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.controlplane.config.ControlPlaneConfig;
import io.ambientcode.controlplane.config.SessionSettings;
import io.ambientcode.controlplane.credentials.CredentialResolver;
import io.ambientcode.controlplane.plan.ProofSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the local runtime when {@code ambient.control-plane.runtime=local}: checks that the {@code local} profile is
 * active (the runtime trusts the development user issuer, which nothing outside that profile may), prepares the data
 * directory (registry key, the development issuer's public key, the control plane's signing key via the credential
 * client), reloads the stored sessions, and stops every sidecar on shutdown. In the Kubernetes runtime it does nothing,
 * and the local APIs answer 404.
 */
@Singleton
public class LocalRuntimeService {

    private static final Logger LOG = Logger.getLogger(LocalRuntimeService.class);
    static final String LOCAL_PROFILE = "local";
    static final String HOME_ENV = "AMBIENT_HOME";

    private final ControlPlaneConfig config;
    private final Instance<SessionSettings> sessionSettings;
    private final Instance<CredentialResolver> resolver;
    private final ProofSource proofSource;
    private final Clock clock;

    private volatile LocalRuntime runtime;
    private volatile RegistryKey registryKey;
    private volatile DevUserTokens users;
    private volatile LocalSettings settings;

    @Inject
    public LocalRuntimeService(ControlPlaneConfig config, Instance<SessionSettings> sessionSettings,
            Instance<CredentialResolver> resolver, ProofSource proofSource, Clock clock) {
        this.config = config;
        this.sessionSettings = sessionSettings;
        this.resolver = resolver;
        this.proofSource = proofSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!isLocal()) {
            return;
        }
        if (!ConfigUtils.getProfiles().contains(LOCAL_PROFILE)) {
            throw new IllegalStateException("ambient.control-plane.runtime=local needs the local profile "
                    + "(QUARKUS_PROFILE=local): the local runtime trusts the development user issuer, which every service "
                    + "refuses outside that profile");
        }
        LocalSettings local = settings(config, sessionSettings.get());
        CredentialResolver credentials = resolver.get(); // loads the control plane's signing key now (fail fast)
        RegistryKey key = RegistryKey.loadOrCreate(local.dataDir());
        DevUserTokens devUsers = DevUserTokens.load(local.dataDir().resolve(LocalLayout.DEV_ISSUER_PUBLIC_KEY));
        URI keyUrl = URI.create(local.plan().tokenServerUrl().orElse(LocalLayout.url(LocalLayout.TOKEN_SERVER_PORT) + "/token"))
                .resolve("public-key");
        LocalRuntime created = new LocalRuntime(new SessionStore(local.dataDir()), local, credentials::resolve,
                ExchangeKeySource.http(keyUrl, Duration.ofSeconds(5), clock), proofSource,
                ReadinessProbe.http(Duration.ofSeconds(1)), clock);
        this.settings = local;
        this.registryKey = key;
        this.users = devUsers;
        this.runtime = created;
        created.start();
        for (Provider p : Provider.values()) {
            LOG.infof("sidecar %s: %s", p.id(), local.jars().find(p).map(Path::toString)
                    .orElse("no jar (" + local.jars().expected(p).map(Path::toString).orElse("ambient.control-plane.local.home not set")
                            + "); sessions run without it"));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        LocalRuntime current = runtime;
        if (current != null) {
            current.close();
        }
    }

    public boolean isLocal() {
        return config.runtime() == ControlPlaneConfig.RuntimeKind.local;
    }

    /** Started and serving (local runtime only). */
    public boolean isReady() {
        LocalRuntime current = runtime;
        return current != null && current.isStarted();
    }

    public Optional<LocalRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    public Optional<RegistryKey> registryKey() {
        return Optional.ofNullable(registryKey);
    }

    public Optional<DevUserTokens> users() {
        return Optional.ofNullable(users);
    }

    public Optional<LocalSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** The local settings from configuration; a bad value stops start-up with the property named. */
    static LocalSettings settings(ControlPlaneConfig config, SessionSettings sessions) {
        ControlPlaneConfig.Local local = config.local();
        Path dataDir = local.dataDir().orElseGet(LocalLayout::defaultDataDir);
        Optional<Path> home = local.home().or(() -> Optional.ofNullable(System.getenv(HOME_ENV))
                .filter(s -> !s.isBlank()).map(Path::of));
        Map<Provider, Path> overrides = new EnumMap<>(Provider.class);
        local.sidecarJars().forEach((id, jar) -> overrides.put(Provider.byId(id).orElseThrow(() -> new IllegalStateException(
                "ambient.control-plane.local.sidecar-jars." + id + ": no credential sidecar exists for provider " + id)), jar));
        RestartBackoff backoff = new RestartBackoff(local.restartInitialBackoff(), local.restartMaxBackoff(),
                local.restartResetAfter(), sessions.crashLoopRestartLimit());
        return new LocalSettings(dataDir, local.java().orElseGet(LocalSettings::currentJava),
                new SidecarJars(home, overrides, local.sidecarJvmOptions()), sessions.plan(), backoff,
                local.checkInterval(), local.stopTimeout(), config.operator().retryInitialInterval(),
                config.operator().retryMaxInterval(), config.credentialApi().recheckAfterRefusal(),
                local.platformAdminGroup());
    }
}
