package io.ambientcode.controlplane.credentials;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.credential.ResolvedBindings;
import io.ambientcode.controlplane.config.ControlPlaneConfig;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The control plane's only call to the credential API:
 * {@code GET /api/ambient/v1/projects/{project}/credential-bindings:resolve?agent=<a>[&credential=<id>...]} with its
 * own short-lived JWT. It learns ids and providers, never a token value. Response bodies are never logged or echoed;
 * only the status and the problem's stable {@code code} are kept.
 */
@Singleton
public class CredentialApiClient {

    private static final Logger LOG = Logger.getLogger(CredentialApiClient.class);
    private static final Pattern PROBLEM_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpClient http;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final ControlPlaneTokenSigner signer;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    public CredentialApiClient(ControlPlaneConfig config, ControlPlaneTokenSigner signer) {
        this(config.credentialApi().url(), config.credentialApi().connectTimeout(), config.credentialApi().requestTimeout(),
                signer);
    }

    public CredentialApiClient(URI baseUrl, Duration connectTimeout, Duration requestTimeout, ControlPlaneTokenSigner signer) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.requestTimeout = requestTimeout;
        this.signer = signer;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Resolves the project's bindings, for the agent if given, restricted to {@code credentialIds} when not empty.
     *
     * @throws CredentialApiUnavailableException when the API cannot answer now (retry later)
     */
    public ResolveReply resolve(String project, String agent, List<String> credentialIds)
            throws CredentialApiUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(resolveUri(project, agent, credentialIds))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + signer.token())
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CredentialApiUnavailableException("credential API unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialApiUnavailableException("interrupted while calling the credential API", e);
        }
        int status = response.statusCode();
        LOG.debugf("GET %s -> %d", request.uri().getRawPath(), status);
        if (status == 200) {
            return parse(response.body());
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new CredentialApiUnavailableException("credential API answered " + status);
        }
        return new ResolveReply.Refused(status, problemCode(response.body()));
    }

    URI resolveUri(String project, String agent, List<String> credentialIds) {
        List<String> query = new ArrayList<>();
        if (agent != null && !agent.isEmpty()) {
            query.add("agent=" + encode(agent));
        }
        for (String id : credentialIds) {
            query.add("credential=" + encode(id));
        }
        String path = CredentialApiPaths.resolveBindings(encode(project));
        return URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    private ResolveReply parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return new ResolveReply.Malformed("reply larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            ResolvedBindings bindings = json.readValue(body, ResolvedBindings.class);
            return bindings == null ? new ResolveReply.Malformed("empty reply") : new ResolveReply.Ok(bindings);
        } catch (IOException e) {
            return new ResolveReply.Malformed("reply is not a ResolvedBindings document");
        }
    }

    private String problemCode(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            return null;
        }
        try {
            JsonNode code = json.readTree(body).path("code");
            return code.isTextual() && PROBLEM_CODE.matcher(code.asText()).matches() ? code.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
