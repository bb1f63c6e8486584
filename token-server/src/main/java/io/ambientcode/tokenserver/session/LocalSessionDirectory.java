package io.ambientcode.tokenserver.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sessions from the control plane's local session registry (local mode, loopback only). The registry key is read
 * on every call from a supplier, so a control plane restart that rewrites it is picked up.
 */
public final class LocalSessionDirectory implements SessionDirectory {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI base;
    private final Supplier<String> registryKey;
    private final HttpClient http;
    private final Duration timeout;

    public LocalSessionDirectory(URI base, Supplier<String> registryKey, Duration timeout) {
        this.base = base;
        this.registryKey = registryKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(LocalSessionRegistry.path(sessionId)))
                .timeout(timeout)
                .header("Authorization", "Bearer " + registryKey.get())
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SessionDirectoryUnavailableException("local session registry unreachable at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionDirectoryUnavailableException("interrupted asking the local session registry", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new SessionDirectoryUnavailableException("local session registry answered HTTP " + response.statusCode(), null);
        }
        try {
            LocalSessionRegistry.View view = JSON.readValue(response.body(), LocalSessionRegistry.View.class);
            if (!sessionId.equals(view.sessionId())) {
                return Optional.empty();
            }
            return Optional.of(new SessionRecord(sessionId, view.project(), view.phase(), view.credentials(), view.proofs()));
        } catch (IOException e) {
            throw new SessionDirectoryUnavailableException("local session registry sent an unreadable reply", e);
        }
    }

    @Override
    public boolean isReady() {
        return true;
    }
}
