package io.ambientcode.sidecar.google.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.google.GoogleConfig;
import io.ambientcode.sidecar.google.auth.AccessTokens;
import io.ambientcode.sidecar.google.auth.TokenEndpointException;
import io.ambientcode.sidecar.tools.UpstreamException;
import io.ambientcode.sidecar.upstream.UpstreamHttp;
import io.ambientcode.sidecar.upstream.UpstreamResponse;
import io.ambientcode.sidecar.upstream.UpstreamUrls;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Gmail and Drive REST APIs with an access token from {@link AccessTokens}, over the runtime's
 * {@link UpstreamHttp} (bounded timeouts and bodies; redirects are never followed: they would carry the access token
 * elsewhere). Every call runs inside {@link CredentialScope}: a 401 drops that access token and refreshes the
 * credential once, and the retry gets a new token. A refused grant is reported as a token-endpoint error with its
 * status.
 */
@Singleton
public class GoogleApi {

    /** A downloaded body: at most {@code max-response-bytes}, {@code truncated} when there was more. */
    public record Download(byte[] bytes, boolean truncated, String contentType) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialScope scope;
    private final AccessTokens tokens;
    private final GoogleConfig config;
    private final UpstreamHttp http;

    @Inject
    public GoogleApi(CredentialScope scope, AccessTokens tokens, GoogleConfig config, UpstreamHttp http) {
        this.scope = scope;
        this.tokens = tokens;
        this.config = config;
        this.http = http;
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
        return json(call("GET", url + UpstreamUrls.query(query), null, null));
    }

    /** A JSON request body (or none). */
    public JsonNode send(String method, String url, Map<String, ?> query, Object body) {
        byte[] bytes = body == null ? null : toJson(body).getBytes(StandardCharsets.UTF_8);
        return json(call(method, url + UpstreamUrls.query(query), bytes, body == null ? null : "application/json"));
    }

    /** A raw request body with its content type (multipart uploads). */
    public JsonNode sendRaw(String method, String url, Map<String, ?> query, byte[] body, String contentType) {
        return json(call(method, url + UpstreamUrls.query(query), body, contentType));
    }

    /** A GET whose answer is content, not JSON (file media and exports). */
    public Download download(String url, Map<String, ?> query) {
        UpstreamResponse r = call("GET", url + UpstreamUrls.query(query), null, null);
        return new Download(r.body(), r.truncated(), r.header("Content-Type").orElse(""));
    }

    private UpstreamResponse call(String method, String url, byte[] body, String contentType) {
        try {
            return scope.call(credential -> {
                String bearer = tokens.bearer(credential);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + bearer)
                        .header("User-Agent", "ambient-sidecar-google");
                if (body != null) {
                    b.header("Content-Type", contentType);
                    b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                } else {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                }
                UpstreamResponse r = http.send(b);
                if (r.status() == 401) {
                    tokens.invalidate(bearer);
                }
                if (r.status() >= 400) {
                    throw GoogleErrors.toException(r.status(), r.text(), r.header("Retry-After"));
                }
                if (r.isRedirect()) {
                    throw new UpstreamException(r.status(), "Google answered with a redirect, which is not followed");
                }
                return r;
            });
        } catch (TokenEndpointException e) {
            throw new UpstreamException(e.status(), "OAuth token endpoint: " + e.getMessage());
        }
    }

    private static JsonNode json(UpstreamResponse r) {
        if (r.truncated()) {
            throw new UpstreamException(502, "Google's answer is too large; ask for fewer results");
        }
        return r.json("Google answered something that is not JSON");
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the request body");
        }
    }
}
