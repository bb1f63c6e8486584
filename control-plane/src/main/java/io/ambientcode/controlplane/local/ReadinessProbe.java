package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.session.SidecarEnv;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A sidecar is ready when its management interface answers {@code /q/health/ready} with 200 (the pod's readiness probe). */
@FunctionalInterface
public interface ReadinessProbe {

    boolean isReady(int managementPort);

    /** HTTP on loopback with a short timeout; anything but 200 (including no answer) is "not ready". */
    static ReadinessProbe http(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        return port -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(LocalLayout.url(port) + SidecarEnv.READINESS_PATH))
                    .timeout(timeout).GET().build();
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
