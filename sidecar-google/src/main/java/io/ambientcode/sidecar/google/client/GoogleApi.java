package io.ambientcode.sidecar.google.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.google.GoogleConfig;
import io.ambientcode.sidecar.google.auth.AccessTokens;
import io.ambientcode.sidecar.google.auth.TokenEndpointException;
import io.ambientcode.sidecar.tools.UpstreamException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Gmail and Drive REST APIs with an access token from {@link AccessTokens}. Every call runs inside
 * {@link CredentialScope}: a 401 drops that access token and refreshes the credential once, and the retry gets a new
 * token. A refused grant is reported as a token-endpoint error with its status. Bounded timeouts and bodies; redirects
 * are never followed (they would carry the access token elsewhere).
 */
@Singleton
public class GoogleApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A downloaded body: at most {@code max-response-bytes}, {@code truncated} when there was more. */
    public record Download(byte[] bytes, boolean truncated, String contentType) {
    }

    private final CredentialScope scope;
    private final AccessTokens tokens;
    private final GoogleConfig config;
    private final SidecarConfig.Upstream limits;
    private volatile HttpClient http;

    @Inject
    public GoogleApi(CredentialScope scope, AccessTokens tokens, GoogleConfig config, SidecarConfig sidecar) {
        this.scope = scope;
        this.tokens = tokens;
        this.config = config;
        this.limits = sidecar.upstream();
    }

    /** {@code https://gmail.googleapis.com/gmail/v1/users/me}. */
    public String gmail() {
        return config.gmailUrl().replaceAll("/+$", "") + "/gmail/v1/users/me";
    }

    /** {@code https://www.googleapis.com/drive/v3}. */
    public String drive() {
        return config.driveUrl().replaceAll("/+$", "") + "/drive/v3";
    }

    /** {@code https://www.googleapis.com/upload/drive/v3}. */
    public String driveUpload() {
        return config.driveUrl().replaceAll("/+$", "") + "/upload/drive/v3";
    }

    public JsonNode get(String url, Map<String, ?> query) {
        return json(call("GET", url + queryString(query), null, null));
    }

    /** A JSON request body (or none). */
    public JsonNode send(String method, String url, Map<String, ?> query, Object body) {
        byte[] bytes = body == null ? null : toJson(body).getBytes(StandardCharsets.UTF_8);
        return json(call(method, url + queryString(query), bytes, body == null ? null : "application/json"));
    }

    /** A raw request body with its content type (multipart uploads). */
    public JsonNode sendRaw(String method, String url, Map<String, ?> query, byte[] body, String contentType) {
        return json(call(method, url + queryString(query), body, contentType));
    }

    /** A GET whose answer is content, not JSON (file media and exports). */
    public Download download(String url, Map<String, ?> query) {
        return call("GET", url + queryString(query), null, null);
    }

    private Download call(String method, String url, byte[] body, String contentType) {
        try {
            return scope.call(credential -> {
                String bearer = tokens.bearer(credential);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                        .timeout(limits.requestTimeout())
                        .header("Authorization", "Bearer " + bearer)
                        .header("User-Agent", "ambient-sidecar-google");
                if (body != null) {
                    b.header("Content-Type", contentType);
                    b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                } else {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                }
                Response r = execute(b.build());
                if (r.status() == 401) {
                    tokens.invalidate(bearer);
                }
                if (r.status() >= 400) {
                    throw GoogleErrors.toException(r.status(), new String(r.download().bytes(), StandardCharsets.UTF_8),
                            r.retryAfter());
                }
                if (r.status() >= 300) {
                    throw new UpstreamException(r.status(), "Google answered with a redirect, which is not followed");
                }
                return r.download();
            });
        } catch (TokenEndpointException e) {
            throw new UpstreamException(e.status(), "OAuth token endpoint: " + e.getMessage());
        }
    }

    private record Response(int status, Download download, java.util.Optional<String> retryAfter) {
    }

    private Response execute(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(limits.maxResponseBytes());
                boolean truncated = in.read() != -1;
                return new Response(response.statusCode(),
                        new Download(bytes, truncated, response.headers().firstValue("Content-Type").orElse("")),
                        response.headers().firstValue("Retry-After"));
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

    private static JsonNode json(Download d) {
        if (d.truncated()) {
            throw new UpstreamException(502, "Google's answer is too large; ask for fewer results");
        }
        if (d.bytes().length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(d.bytes());
        } catch (IOException e) {
            throw new UpstreamException(502, "Google answered something that is not JSON");
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .connectTimeout(limits.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                }
                c = http;
            }
        }
        return c;
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the request body");
        }
    }

    /** {@code ?a=1&b=x} from the non-null, non-blank entries, URL-encoded; repeated keys from iterables. */
    public static String queryString(Map<String, ?> query) {
        StringJoiner j = new StringJoiner("&", "?", "");
        j.setEmptyValue("");
        new LinkedHashMap<>(query).forEach((k, v) -> {
            Iterable<?> values = v instanceof Iterable<?> it ? it : java.util.Collections.singletonList(v);
            for (Object value : values) {
                if (value != null && !(value instanceof String s && s.isBlank())) {
                    j.add(enc(k) + "=" + enc(String.valueOf(value)));
                }
            }
        });
        return j.toString();
    }

    /** One path segment (message and file ids). */
    public static String seg(String value) {
        return enc(value).replace("+", "%20");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
