package io.ambientcode.sidecar.jira.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.jira.JiraConfig;
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
 * The Jira REST API of the credential's site ({@code /rest/api/2} or {@code /3}, see {@link JiraSite}). Every call
 * goes through {@link CredentialScope} (a 401 refreshes the credential once and retries once) with bounded timeouts;
 * the site and the {@code Authorization} header are taken from the credential of that very attempt, so a refreshed
 * credential is used at once (I7). Jira errors become {@link UpstreamException}s with Jira's status and words.
 * Redirects are never followed: they would carry the credential to another host.
 */
@Singleton
public class JiraClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialScope scope;
    private final CredentialHolder holder;
    private final SidecarConfig.Upstream limits;
    private final JiraConfig config;
    private volatile HttpClient http;

    @Inject
    public JiraClient(CredentialScope scope, CredentialHolder holder, SidecarConfig sidecar, JiraConfig config) {
        this.scope = scope;
        this.holder = holder;
        this.limits = sidecar.upstream();
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
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.api() + path + queryString(query)))
                    .timeout(limits.requestTimeout())
                    .header("Authorization", JiraAuth.header(credential))
                    .header("Accept", "application/json")
                    .header("User-Agent", "ambient-sidecar-jira");
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return execute(b.build());
        });
    }

    private JsonNode execute(HttpRequest request) {
        HttpResponse<InputStream> response;
        String text;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(limits.maxResponseBytes());
                if (in.read() != -1) {
                    throw new UpstreamException(502, "Jira's answer is larger than " + limits.maxResponseBytes()
                            + " bytes; ask for fewer fields or results");
                }
                text = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(0, "timed out after " + limits.requestTimeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new UpstreamException(0, "connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(0, "interrupted");
        }
        int status = response.statusCode();
        if (status >= 400) {
            throw JiraErrors.toException(status, text, response.headers().firstValue("Retry-After"));
        }
        if (status >= 300) {
            throw new UpstreamException(status, "Jira answered with a redirect, which is not followed (check the site url)");
        }
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UpstreamException(502, "Jira answered something that is not JSON (check the site url)");
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    // Lazy: nothing is built before the first tool call.
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

    /** {@code ?a=1&b=x} from the non-null, non-blank entries, URL-encoded; empty when there are none. */
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

    /** Encodes one path segment. */
    public static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
