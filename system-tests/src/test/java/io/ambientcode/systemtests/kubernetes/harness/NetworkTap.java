package io.ambientcode.systemtests.kubernetes.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.ambientcode.systemtests.support.Captured;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The pod network as an eavesdropper sees it: a recording proxy (WireMock) in front of a service. The control plane
 * is configured to hand sidecars the tap's address, so every exchange and every credential fetch crosses it in plain
 * HTTP, and the attack tests use what it recorded (assertions, session JWTs, replies) exactly as a sniffer would.
 */
public final class NetworkTap implements AutoCloseable {

    /** One recorded request and its response. */
    public record Exchange(Instant at, String method, String path, String authorization, int status, String contentType,
            String body) {
    }

    private final String name;
    private final WireMockServer server;

    public NetworkTap(String name, String target) {
        this.name = name;
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(24)
                .jettyAcceptors(1).stubCorsEnabled(false));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(target)));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Everything that crossed the tap, oldest first; response bodies go to the leak scan's capture. */
    public List<Exchange> traffic() {
        return server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(NetworkTap::toExchange)
                .toList();
    }

    /** Feeds every recorded response body to the leak scan (what an eavesdropper received). */
    public int captureResponses() {
        List<Exchange> all = traffic();
        all.forEach(e -> Captured.add("tap " + name + " " + e.method() + " " + e.path(), e.body()));
        return all.size();
    }

    private static Exchange toExchange(ServeEvent e) {
        var request = e.getRequest();
        var response = e.getResponse();
        String authorization = request.containsHeader("Authorization") ? request.getHeader("Authorization") : null;
        String contentType = response.getHeaders() != null && response.getHeaders().getContentTypeHeader().isPresent()
                ? response.getHeaders().getContentTypeHeader().firstValue() : "";
        return new Exchange(request.getLoggedDate().toInstant(), request.getMethod().value(), request.getUrl(), authorization,
                response.getStatus(), contentType, response.getBodyAsString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
