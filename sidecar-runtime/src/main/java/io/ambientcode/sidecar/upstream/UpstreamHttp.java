package io.ambientcode.sidecar.upstream;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.tools.UpstreamException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * The one way a sidecar calls its provider's API (GitHub, Jira, Gmail and Drive, Google's OAuth token endpoint): one
 * JDK {@link HttpClient} per process, built on the first call (nothing is built before a tool needs it), HTTP/1.1,
 * the connect timeout and whole-request timeout of {@code ambient.sidecar.upstream.*}, and response bodies read up to
 * {@code max-response-bytes} (a larger answer is cut and marked {@link UpstreamResponse#truncated()}).
 * <p>
 * Redirects are never followed: a redirect would carry the credential to a host nobody approved. A caller that must
 * follow one (GitHub's job logs point at signed storage URLs) sends a second request without the credential. Transport
 * failures become {@link UpstreamException} with status 0, which tools show as "... unreachable: ...".
 */
@Singleton
public class UpstreamHttp {

    private final SidecarConfig.Upstream limits;
    private volatile HttpClient client;

    @Inject
    public UpstreamHttp(SidecarConfig config) {
        this(config.upstream());
    }

    public UpstreamHttp(SidecarConfig.Upstream limits) {
        this.limits = limits;
    }

    /** Sends the request with the configured timeout and reads at most {@code max-response-bytes} of the answer. */
    public UpstreamResponse send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(limits.requestTimeout()).build();
        try {
            HttpResponse<InputStream> response = client().send(built, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(limits.maxResponseBytes());
                boolean truncated = in.read() != -1;
                return new UpstreamResponse(response.statusCode(), body, truncated, response.headers());
            }
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(0, "timed out after " + limits.requestTimeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new UpstreamException(0, "connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(0, "interrupted");
        }
    }

    /** The largest body {@link #send} reads. */
    public int maxResponseBytes() {
        return limits.maxResponseBytes();
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(limits.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }
}
