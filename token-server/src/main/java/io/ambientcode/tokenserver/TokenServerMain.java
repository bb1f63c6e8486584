package io.ambientcode.tokenserver;

import io.ambientcode.tokenserver.config.TokenServerConfig;
import io.ambientcode.tokenserver.keys.KeyRing;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Runs the server, or one administrative command against the same key store and exits:
 * <ul>
 * <li>{@code rotate-exchange-key}: a new exchange key; the previous one stays accepted for
 * {@code ambient.token.keys.exchange-previous-grace}. Publish the new {@code /public-key} to the control plane
 * before the grace period ends. Run it beside a live server with {@code -Dquarkus.http.port=0}.</li>
 * </ul>
 */
@QuarkusMain
public class TokenServerMain implements QuarkusApplication {

    @Inject
    KeyRing keys;

    @Inject
    TokenServerConfig config;

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && args[0].equals("rotate-exchange-key")) {
            keys.rotateExchangeKey(config.keys().exchangePreviousGrace());
            System.out.println("rotated the exchange key; previous key accepted for " + config.keys().exchangePreviousGrace());
            return 0;
        }
        System.err.println("unknown command: " + String.join(" ", args) + " (known: rotate-exchange-key)");
        return 2;
    }
}
