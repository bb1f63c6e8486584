package io.ambientcode.sidecar.google;

import io.ambientcode.contracts.url.UrlPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the google sidecar's configuration (I6): every endpoint must be an https URL (http only for loopback or
 * cluster-local fakes and proxies), since the token endpoint receives the client secret, refresh token or signed
 * assertion and the APIs receive access tokens; the assertion lifetime is at most one hour. The runtime checks them
 * at start-up ({@link GoogleModule#configurationProblems}) and stops the sidecar before any port opens. Pure.
 */
public final class GoogleConfigRules {

    private GoogleConfigRules() {
    }

    /** Every rule the configuration breaks, each naming its property. */
    public static List<String> problems(GoogleConfig config) {
        List<String> problems = new ArrayList<>();
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
