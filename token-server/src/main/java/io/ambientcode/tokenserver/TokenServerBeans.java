package io.ambientcode.tokenserver;

import io.ambientcode.tokenserver.config.TokenServerConfig;
import io.ambientcode.tokenserver.exchange.RateLimiter;
import io.ambientcode.tokenserver.exchange.ReplayCache;
import io.ambientcode.tokenserver.exchange.SessionTokenMinter;
import io.ambientcode.tokenserver.exchange.TokenExchange;
import io.ambientcode.tokenserver.keys.FileKeyStore;
import io.ambientcode.tokenserver.keys.KeyRing;
import io.ambientcode.tokenserver.keys.KeyStore;
import io.ambientcode.tokenserver.keys.KubernetesSecretKeyStore;
import io.ambientcode.tokenserver.keys.ProvidedKeyStore;
import io.ambientcode.tokenserver.session.CachingSessionDirectory;
import io.ambientcode.tokenserver.session.KubernetesSessionDirectory;
import io.ambientcode.tokenserver.session.LocalSessionDirectory;
import io.ambientcode.tokenserver.session.SessionDirectory;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the plain classes of the token server from configuration. Everything with behaviour is a plain class with a
 * constructor (tested and benchmarked without CDI); this is the only place that knows which implementation is used.
 */
public class TokenServerBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    KeyStore keyStore(TokenServerConfig config, Instance<KubernetesClient> kubernetes, Clock clock) {
        TokenServerConfig.Keys keys = config.keys();
        if (keys.exchangePrivateKeyFile().isPresent() || keys.signingPrivateKeyFile().isPresent()) {
            if (keys.exchangePrivateKeyFile().isEmpty() || keys.signingPrivateKeyFile().isEmpty()) {
                throw new IllegalStateException("ambient.token.keys.exchange-private-key-file and "
                        + "ambient.token.keys.signing-private-key-file must be set together");
            }
            return new ProvidedKeyStore(keys.exchangePrivateKeyFile().get(), keys.signingPrivateKeyFile().get(), clock);
        }
        return switch (keys.store()) {
            case kubernetes -> {
                KubernetesClient client = kubernetes.get();
                String namespace = keys.namespace().orElseGet(client::getNamespace);
                if (namespace == null || namespace.isBlank()) {
                    throw new IllegalStateException("ambient.token.keys.namespace is not set and the Kubernetes client has no namespace");
                }
                yield new KubernetesSecretKeyStore(client, namespace, keys.secretName(), clock);
            }
            case file -> new FileKeyStore(keys.dataDir(), clock);
        };
    }

    @Produces
    @Singleton
    KeyRing keyRing(KeyStore store, Clock clock, TokenServerConfig config) {
        return new KeyRing(store, clock, config.keys().signingRotationPeriod());
    }

    /** Typed so that it is not a second candidate for {@link SessionDirectory} (the cached one below is). */
    @Produces
    @Singleton
    @Typed(KubernetesSessionDirectory.class)
    KubernetesSessionDirectory kubernetesSessions(Instance<KubernetesClient> kubernetes, TokenServerConfig config) {
        return new KubernetesSessionDirectory(kubernetes.get(), config.sessions().namespaces().orElse(List.of()));
    }

    @Produces
    @Singleton
    SessionDirectory sessionDirectory(TokenServerConfig config, Instance<KubernetesSessionDirectory> kubernetes, Clock clock) {
        SessionDirectory source = switch (config.sessions().source()) {
            case kubernetes -> kubernetes.get();
            case local -> localSessions(config.sessions().local());
        };
        return new CachingSessionDirectory(source, clock, config.sessions().cacheTtl());
    }

    private static SessionDirectory localSessions(TokenServerConfig.Local local) {
        String host = local.url().getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host) && !"[::1]".equals(host)) {
            throw new IllegalStateException("ambient.token.sessions.local.url must be a loopback URL, was " + local.url());
        }
        java.nio.file.Path keyFile = local.keyFile();
        return new LocalSessionDirectory(local.url(), () -> {
            try {
                return java.nio.file.Files.readString(keyFile).strip();
            } catch (java.io.IOException e) {
                throw new io.ambientcode.tokenserver.session.SessionDirectoryUnavailableException(
                        "cannot read the local registry key " + keyFile, e);
            }
        }, local.timeout());
    }

    @Produces
    @Singleton
    TokenExchange tokenExchange(Clock clock, KeyRing keys, SessionDirectory sessions, TokenServerConfig config) {
        if (config.replayWindow().compareTo(config.clockSkew().multipliedBy(2)) < 0) {
            throw new IllegalStateException("ambient.token.replay-window must be at least twice ambient.token.clock-skew");
        }
        return new TokenExchange(clock, keys, sessions,
                new ReplayCache(config.replayWindow(), config.replayCacheMaxEntries()),
                new RateLimiter(config.rateLimitPerMinute()),
                new SessionTokenMinter(config.sessionTokenLifetime()),
                config.clockSkew());
    }
}
