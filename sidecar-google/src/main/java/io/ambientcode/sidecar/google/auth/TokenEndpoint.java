package io.ambientcode.sidecar.google.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.google.GoogleConfig;
import io.ambientcode.sidecar.google.auth.GoogleCredential.AuthorizedUser;
import io.ambientcode.sidecar.google.auth.GoogleCredential.ServiceAccount;
import io.ambientcode.sidecar.tools.UpstreamException;
import io.ambientcode.sidecar.upstream.UpstreamHttp;
import io.ambientcode.sidecar.upstream.UpstreamResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Google's OAuth 2.0 token endpoint: {@code POST} form-encoded {@code grant_type=refresh_token} (client id, client
 * secret, refresh token) for an {@code authorized_user}, {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}
 * with a signed assertion for a {@code service_account}. Answers {@code access_token} + {@code expires_in}; errors
 * {@code {"error", "error_description"}} become {@link TokenEndpointException}. No redirects, bounded timeouts.
 */
@Singleton
public class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When Google omits {@code expires_in}; its access tokens live one hour. */
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private final GoogleConfig config;
    private final UpstreamHttp http;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public TokenEndpoint(GoogleConfig config, UpstreamHttp http) {
        this.config = config;
        this.http = http;
    }

    /** One grant: a fresh access token for this credential, with these scopes when it is a service account. */
    public AccessToken grant(GoogleCredential credential, List<String> scopes) {
        Instant now = clock.instant();
        Map<String, String> form = form(credential, scopes, config.tokenUrl(), now, config);
        UpstreamResponse response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(config.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        } catch (UpstreamException e) {
            throw new UpstreamException(e.status(), "the OAuth token endpoint: " + e.getMessage());
        }
        JsonNode body = parse(response);
        if (response.status() != 200) {
            String error = body.path("error").isTextual() ? body.path("error").asText() : "http_" + response.status();
            throw new TokenEndpointException(response.status(), error, body.path("error_description").asText(null));
        }
        String token = body.path("access_token").asText("");
        if (token.isBlank()) {
            throw new UpstreamException(502, "the OAuth token endpoint answered without an access_token");
        }
        long lifetime = body.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        return new AccessToken(token, now, now.plusSeconds(lifetime > 0 ? lifetime : DEFAULT_LIFETIME_SECONDS));
    }

    /** The form of each grant, in Google's documented parameter names. Pure. */
    static Map<String, String> form(GoogleCredential credential, List<String> scopes, String audience, Instant now,
            GoogleConfig config) {
        Map<String, String> form = new LinkedHashMap<>();
        if (credential instanceof AuthorizedUser user) {
            form.put("grant_type", "refresh_token");
            form.put("client_id", user.clientId());
            form.put("client_secret", user.clientSecret());
            form.put("refresh_token", user.refreshToken());
        } else {
            form.put("grant_type", JwtBearerAssertion.GRANT_TYPE);
            form.put("assertion", JwtBearerAssertion.sign((ServiceAccount) credential, scopes, audience, now,
                    config.assertionLifetime()));
        }
        return form;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The answer's JSON object, or an empty one (an error page, a cut answer): the caller reports the status. */
    private static JsonNode parse(UpstreamResponse response) {
        if (response.truncated()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
