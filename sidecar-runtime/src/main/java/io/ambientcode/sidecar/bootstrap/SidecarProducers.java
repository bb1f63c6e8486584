package io.ambientcode.sidecar.bootstrap;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.credential.CredentialFetchClient;
import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.exchange.TokenExchangeClient;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;

/** Wires the exchange and fetch clients and the refresher from the validated environment. */
@Singleton
public class SidecarProducers {

    /** Application-scoped (a client proxy), so nothing builds it before the environment has been validated. */
    @Produces
    @ApplicationScoped
    CredentialRefresher refresher(SidecarContext context, CredentialHolder holder, SidecarProviderModule module,
            SidecarConfig config) {
        SidecarEnvironment env = context.environment();
        // One small client for the token server and the credential API; redirects are never followed (a redirect
        // would carry the assertion or the session token somewhere the URL policy did not approve).
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.ambient().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Clock clock = Clock.systemUTC();
        TokenExchangeClient exchange = new TokenExchangeClient(http, env.tokenUrl(), env.exchangeKey(), env.sessionId(),
                env.provider().id(), env.proof(), config.ambient().requestTimeout(), clock);
        CredentialFetchClient fetch = new CredentialFetchClient(http, env.credentialTokenUrl(), env.credentialId(),
                env.provider().id(), config.ambient().requestTimeout(), clock);
        return new CredentialRefresher(exchange, fetch, holder, module, config.refresh(), clock);
    }

    void close(@Disposes CredentialRefresher refresher) {
        refresher.stop();
    }
}
