package io.ambientcode.systemtests.kubernetes.providers;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Optional;

/** Small helpers shared by the provider scenarios: random secret-looking values, WireMock on loopback. */
final class Fakes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Fakes() {
    }

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    static WireMockServer wireMock() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(16)
                .jettyAcceptors(1));
        server.start();
        return server;
    }

    static String url(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** The Authorization header of the newest request whose path starts with {@code prefix}. */
    static Optional<String> lastAuthorization(WireMockServer server, String prefix) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(prefix))
                .max(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().containsHeader("Authorization") ? e.getRequest().getHeader("Authorization") : "");
    }
}
