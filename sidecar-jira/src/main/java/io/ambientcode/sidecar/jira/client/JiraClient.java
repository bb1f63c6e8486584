package io.ambientcode.sidecar.jira.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.jira.JiraConfig;
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

/**
 * The Jira REST API of the credential's site ({@code /rest/api/2} or {@code /3}, see {@link JiraSite}), over the
 * runtime's {@link UpstreamHttp} (bounded timeouts and bodies, redirects never followed: they would carry the
 * credential to another host). Every call goes through {@link CredentialScope} (a 401 refreshes the credential once
 * and retries once); the site and the {@code Authorization} header are taken from the credential of that very attempt,
 * so a refreshed credential is used at once (I7). Jira errors become {@link UpstreamException}s with Jira's status and
 * words.
 */
@Singleton
public class JiraClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialScope scope;
    private final CredentialHolder holder;
    private final UpstreamHttp http;
    private final JiraConfig config;

    @Inject
    public JiraClient(CredentialScope scope, CredentialHolder holder, UpstreamHttp http, JiraConfig config) {
        this.scope = scope;
        this.holder = holder;
        this.http = http;
        this.config = config;
    }

    /** The site and dialect of the credential held now (tools shape request bodies with it). */
    public JiraSite site() {
        return JiraSite.of(holder.require(), config.deployment());
    }

    /** GET {@code path} (relative to the API base, e.g. {@code /issue/PROJ-1}). */
    public JsonNode get(String path, Map<String, ?> query) {
        return send("GET", path, query, null);
    }

    /** Any method with an optional JSON body; an empty answer (204) is JSON null. */
    public JsonNode send(String method, String path, Map<String, ?> query, Object body) {
        return scope.call(credential -> {
            JiraSite site = JiraSite.of(credential, config.deployment());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.api() + path + UpstreamUrls.query(query)))
                    .header("Authorization", JiraAuth.header(credential))
                    .header("Accept", "application/json")
                    .header("User-Agent", "ambient-sidecar-jira");
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return answer(http.send(b));
        });
    }

    private JsonNode answer(UpstreamResponse r) {
        if (r.status() >= 400) {
            throw JiraErrors.toException(r.status(), r.text(), r.header("Retry-After"));
        }
        if (r.isRedirect()) {
            throw new UpstreamException(r.status(), "Jira answered with a redirect, which is not followed (check the site url)");
        }
        if (r.truncated()) {
            throw new UpstreamException(502, "Jira's answer is larger than " + http.maxResponseBytes()
                    + " bytes; ask for fewer fields or results");
        }
        return r.json("Jira answered something that is not JSON (check the site url)");
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the request body");
        }
    }
}
