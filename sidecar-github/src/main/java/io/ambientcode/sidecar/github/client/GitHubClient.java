package io.ambientcode.sidecar.github.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialChanged;
import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.github.GitHubConfig;
import io.ambientcode.sidecar.tools.UpstreamException;
import jakarta.enterprise.event.Observes;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The GitHub REST API, v3 JSON. Every call goes through {@link CredentialScope} (a 401 refreshes once and retries
 * once), with bounded timeouts, and upstream errors become {@link UpstreamException}s carrying GitHub's status and
 * its short {@code message}. Endpoints are rebuilt when the credential changes ({@link #rebuild}).
 */
@Singleton
public class GitHubClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String API_VERSION = "2022-11-28";

    private final CredentialScope scope;
    private final SidecarConfig.Upstream limits;
    private final GitHubConfig config;
    private volatile HttpClient http;
    private volatile GitHubEndpoints endpoints;

    @Inject
    public GitHubClient(CredentialScope scope, SidecarConfig sidecar, GitHubConfig config) {
        this.scope = scope;
        this.limits = sidecar.upstream();
        this.config = config;
    }

    /** Client rebuild on credential change (I7): the credential's url decides the API base and the git host. */
    void rebuild(@Observes CredentialChanged change) {
        endpoints = GitHubEndpoints.of(change.current().url(), config.gitBaseUrl());
    }

    /** The endpoints for the current credential. */
    public GitHubEndpoints endpoints(Credential credential) {
        GitHubEndpoints e = endpoints;
        return e != null ? e : GitHubEndpoints.of(credential.url(), config.gitBaseUrl());
    }

    public JsonNode get(String path, Map<String, ?> query) {
        return json(call("GET", path, query, null, "application/vnd.github+json"));
    }

    public JsonNode send(String method, String path, Object body) {
        return json(call(method, path, Map.of(), body, "application/vnd.github+json"));
    }

    /** A GET answered as text in a special media type (e.g. {@code application/vnd.github.diff}). */
    public String getText(String path, String accept) {
        return call("GET", path, Map.of(), null, accept).body();
    }

    /**
     * A GET that GitHub answers with a redirect to short-lived storage (job logs). The redirect is followed without
     * the GitHub token: the storage URL carries its own signature and must never receive the credential.
     */
    public String getRedirected(String path) {
        Response first = call("GET", path, Map.of(), null, "application/vnd.github+json");
        if (first.status() / 100 != 3) {
            return first.body();
        }
        String location = first.location().orElseThrow(() -> new UpstreamException(502, "redirect without a location"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(limits.requestTimeout()).GET().build();
        Response r = execute(request);
        if (r.status() >= 400) {
            throw new UpstreamException(r.status(), "log download failed");
        }
        return r.body();
    }

    record Response(int status, String body, Optional<String> location, Optional<Instant> rateLimitReset) {
    }

    private Response call(String method, String path, Map<String, ?> query, Object body, String accept) {
        return scope.call(credential -> {
            URI uri = URI.create(endpoints(credential).api() + path + queryString(query));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(limits.requestTimeout())
                    .header("Authorization", "Bearer " + credential.token())
                    .header("Accept", accept)
                    .header("X-GitHub-Api-Version", API_VERSION)
                    .header("User-Agent", "ambient-sidecar-github");
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            Response r = execute(b.build());
            if (r.status() >= 400) {
                throw GitHubErrors.toException(r.status(), r.body(), r.rateLimitReset());
            }
            return r;
        });
    }

    private Response execute(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(limits.maxResponseBytes());
                boolean truncated = in.read() != -1;
                text = new String(bytes, StandardCharsets.UTF_8) + (truncated ? "\n[response truncated]" : "");
            }
            return new Response(response.statusCode(), text, response.headers().firstValue("Location"),
                    GitHubErrors.rateLimitReset(response.headers()));
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(0, "timed out after " + limits.requestTimeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new UpstreamException(0, "connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(0, "interrupted");
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    // Lazy: nothing is built until the first tool call. Redirects are never followed with the token.
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

    private static JsonNode json(Response r) {
        if (r.body() == null || r.body().isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UpstreamException(502, "GitHub answered something that is not JSON");
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the request body");
        }
    }

    /** {@code ?a=1&b=x} from the non-null entries, URL-encoded; empty when there are none. */
    public static String queryString(Map<String, ?> query) {
        StringJoiner j = new StringJoiner("&", "?", "");
        j.setEmptyValue("");
        new LinkedHashMap<>(query).forEach((k, v) -> {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return j.toString();
    }

    /** Encodes one path segment (owner, repo, branch names may hold characters that need it). */
    public static String seg(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a required path parameter is empty");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Encodes a file path, keeping its slashes. */
    public static String path(String value) {
        String p = value == null ? "" : value.replaceAll("^/+", "");
        StringJoiner j = new StringJoiner("/");
        for (String part : p.split("/", -1)) {
            j.add(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return j.toString();
    }
}
