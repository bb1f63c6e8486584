package io.ambientcode.sidecar.github.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.github.GitHubConfig;
import io.ambientcode.sidecar.tools.UpstreamException;
import io.ambientcode.sidecar.upstream.UpstreamHttp;
import io.ambientcode.sidecar.upstream.UpstreamResponse;
import io.ambientcode.sidecar.upstream.UpstreamUrls;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The GitHub REST API, v3 JSON, over the runtime's {@link UpstreamHttp} (bounded timeouts and bodies, no redirects).
 * Every call goes through {@link CredentialScope} (a 401 refreshes once and retries once), and upstream errors become
 * {@link UpstreamException}s carrying GitHub's status and its short {@code message}. The endpoints (API base, git host)
 * of a credential are computed when the module prepares it, before it is published ({@link #prepare}).
 */
@Singleton
public class GitHubClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String API_VERSION = "2022-11-28";
    private static final String NOT_JSON = "GitHub answered something that is not JSON";

    /** The endpoints of one credential (compared by identity: a refreshed credential is a new object). */
    private record Prepared(Credential credential, GitHubEndpoints endpoints) {
    }

    private final CredentialScope scope;
    private final UpstreamHttp http;
    private final GitHubConfig config;
    private final AtomicReference<Prepared> latest = new AtomicReference<>();

    @Inject
    public GitHubClient(CredentialScope scope, UpstreamHttp http, GitHubConfig config) {
        this.scope = scope;
        this.http = http;
        this.config = config;
    }

    /**
     * The endpoints of a credential about to be published (the module's {@code prepare}).
     *
     * @throws IllegalArgumentException when the credential's url is not a usable URL
     */
    public void prepare(Credential credential) {
        latest.set(new Prepared(credential, GitHubEndpoints.of(credential.url(), config.gitBaseUrl())));
    }

    /** The endpoints for the credential a call runs with (an older credential's are computed again, cheaply). */
    public GitHubEndpoints endpoints(Credential credential) {
        Prepared p = latest.get();
        return p != null && p.credential() == credential ? p.endpoints()
                : GitHubEndpoints.of(credential.url(), config.gitBaseUrl());
    }

    public JsonNode get(String path, Map<String, ?> query) {
        return call("GET", path, query, null, "application/vnd.github+json").json(NOT_JSON);
    }

    public JsonNode send(String method, String path, Object body) {
        return call(method, path, Map.of(), body, "application/vnd.github+json").json(NOT_JSON);
    }

    /** A GET answered as text in a special media type (e.g. {@code application/vnd.github.diff}). */
    public String getText(String path, String accept) {
        return textOf(call("GET", path, Map.of(), null, accept));
    }

    /**
     * A GET that GitHub answers with a redirect to short-lived storage (job logs). The redirect is followed without
     * the GitHub token: the storage URL carries its own signature and must never receive the credential.
     */
    public String getRedirected(String path) {
        UpstreamResponse first = call("GET", path, Map.of(), null, "application/vnd.github+json");
        if (!first.isRedirect()) {
            return textOf(first);
        }
        String location = first.header("Location").orElseThrow(() -> new UpstreamException(502, "redirect without a location"));
        UpstreamResponse r = http.send(HttpRequest.newBuilder(URI.create(location)).GET());
        if (r.status() >= 400) {
            throw new UpstreamException(r.status(), "log download failed");
        }
        return textOf(r);
    }

    private UpstreamResponse call(String method, String path, Map<String, ?> query, Object body, String accept) {
        return scope.call(credential -> {
            URI uri = URI.create(endpoints(credential).api() + path + UpstreamUrls.query(query));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
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
            UpstreamResponse r = http.send(b);
            if (r.status() >= 400) {
                throw GitHubErrors.toException(r.status(), r.text(), GitHubErrors.rateLimitReset(r.headers()));
            }
            return r;
        });
    }

    /** Text answers (diffs, logs) are shown cut rather than refused when they exceed the size limit. */
    private static String textOf(UpstreamResponse r) {
        return r.text() + (r.truncated() ? "\n[response truncated]" : "");
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the request body");
        }
    }
}
