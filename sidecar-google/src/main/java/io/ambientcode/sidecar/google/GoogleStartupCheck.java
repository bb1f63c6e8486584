package io.ambientcode.sidecar.google;

import io.ambientcode.contracts.url.UrlPolicy;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fail closed on a bad Google configuration (I6): before anything is served or fetched, every endpoint must be an
 * https URL (http only for loopback or cluster-local fakes and proxies), and the assertion lifetime at most one hour.
 * Runs before the runtime's environment validation starts the credential refresher.
 */
@Singleton
public class GoogleStartupCheck {

    private static final Logger LOG = Logger.getLogger(GoogleStartupCheck.class);

    void check(@Observes @Priority(0) StartupEvent event, GoogleConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            LOG.errorf("refusing to start the google sidecar: invalid configuration: %s", message);
            throw new IllegalStateException("invalid configuration: " + message);
        }
    }

    /** Every rule the configuration breaks, each naming its property. Pure. */
    static List<String> problems(GoogleConfig config) {
        List<String> problems = new java.util.ArrayList<>();
        UrlPolicy policy = UrlPolicy.allowingExternal();
        String[][] urls = { { "ambient.google.token-url", config.tokenUrl() }, { "ambient.google.gmail-url", config.gmailUrl() },
            { "ambient.google.drive-url", config.driveUrl() } };
        for (String[] url : urls) {
            try {
                policy.check(url[0], url[1]);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        Duration lifetime = config.assertionLifetime();
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofHours(1)) > 0) {
            problems.add("ambient.google.assertion-lifetime must be between 1 s and 1 h");
        }
        if (config.renewBefore().isNegative()) {
            problems.add("ambient.google.renew-before must not be negative");
        }
        return problems;
    }
}
