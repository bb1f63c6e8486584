package io.ambientcode.tokenserver;

import io.ambientcode.tokenserver.config.TokenServerConfig;
import io.ambientcode.tokenserver.exchange.TokenExchange;
import io.ambientcode.tokenserver.keys.KeyRing;
import io.ambientcode.tokenserver.session.KubernetesSessionDirectory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Start-up in a fixed order: validate configuration and load (or bootstrap) keys, failing start-up if either is
 * wrong (fail closed, invariant I6); start the session watch; then refresh keys periodically.
 */
@Singleton
public class TokenServerLifecycle {

    private final KeyRing keys;
    private final TokenServerConfig config;
    private final Instance<KubernetesSessionDirectory> kubernetesSessions;
    private final Instance<TokenExchange> exchange;
    private ScheduledExecutorService refresher;

    TokenServerLifecycle(KeyRing keys, TokenServerConfig config, Instance<KubernetesSessionDirectory> kubernetesSessions,
            Instance<TokenExchange> exchange) {
        this.keys = keys;
        this.config = config;
        this.kubernetesSessions = kubernetesSessions;
        this.exchange = exchange;
    }

    void onStart(@Observes StartupEvent event) {
        exchange.get(); // validates the exchange configuration now rather than on the first request
        keys.start();
        if (config.sessions().source() == TokenServerConfig.SessionSourceKind.kubernetes) {
            kubernetesSessions.get().start();
        }
        long every = config.keys().refreshInterval().toMillis();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-server-key-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(keys::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (config.sessions().source() == TokenServerConfig.SessionSourceKind.kubernetes && kubernetesSessions.isResolvable()) {
            kubernetesSessions.get().close();
        }
    }
}
