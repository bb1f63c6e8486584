package io.ambientcode.acpctl.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.contracts.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * JSON calls to one of the suite's services with the user's bearer token. Request bodies may carry a credential
 * token; they are never logged, and error messages are built from the status and the problem's fields only, never
 * from a request or an unexpected response body.
 */
public final class ServiceClient {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    static final int MAX_DETAIL = 300;

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http;
    private final String service;
    private final String baseUrl;
    private final String bearer;
    private final Duration timeout;
    private final String unreachableHint;
    private final String unauthorizedHint;

    /**
     * @param service how errors name the service, e.g. "credential API"
     * @param unreachableHint appended when the service cannot be reached (e.g. "is the suite running? acpctl up")
     * @param unauthorizedHint appended to a 401 (e.g. "run acpctl login")
     */
    public ServiceClient(HttpClient http, String service, String baseUrl, String bearer, Duration timeout,
            String unreachableHint, String unauthorizedHint) {
        this.http = http;
        this.service = service;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.bearer = bearer;
        this.timeout = timeout;
        this.unreachableHint = unreachableHint;
        this.unauthorizedHint = unauthorizedHint;
    }

    public static Map<String, String> query(String... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                q.put(pairs[i], pairs[i + 1]);
            }
        }
        return q;
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send(request(path, query).GET());
    }

    public JsonNode post(String path, Object body) {
        return send(request(path, Map.of()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    public JsonNode patch(String path, Object body) {
        return send(request(path, Map.of()).header("Content-Type", MERGE_PATCH)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    public void delete(String path, Map<String, String> query) {
        send(request(path, query).DELETE());
    }

    public <T> T as(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw CliException.general(service + " answered a body acpctl does not understand (" + type.getSimpleName() + ")");
        }
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(baseUrl).append(path);
        if (!query.isEmpty()) {
            StringJoiner q = new StringJoiner("&", "?", "");
            query.forEach((k, v) -> q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            url.append(q);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(timeout)
                .header("Accept", "application/json, " + Problem.MEDIA_TYPE)
                .header("User-Agent", "acpctl");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a request body");
        }
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw CliException.general(service + " at " + baseUrl + " did not answer within " + timeout.toSeconds() + "s");
        } catch (ConnectException e) {
            throw CliException.general("cannot reach the " + service + " at " + baseUrl
                    + (unreachableHint == null ? "" : " (" + unreachableHint + ")"));
        } catch (IOException e) {
            throw CliException.general("cannot talk to the " + service + " at " + baseUrl + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.general("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            byte[] body = response.body();
            if (body == null || body.length == 0) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw CliException.general(service + " answered " + status + " with a body that is not JSON");
            }
        }
        throw error(status, response);
    }

    private ServiceError error(int status, HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        Problem problem = null;
        if (type.startsWith(Problem.MEDIA_TYPE) || type.startsWith("application/json")) {
            try {
                problem = JSON.readValue(response.body(), Problem.class);
            } catch (IOException | RuntimeException e) {
                problem = null;
            }
        }
        StringBuilder message = new StringBuilder();
        if (problem != null && problem.detail() != null && !problem.detail().isBlank()) {
            message.append(service).append(": ").append(clean(problem.detail()));
        } else {
            message.append(service).append(" answered HTTP ").append(status);
        }
        StringJoiner facts = new StringJoiner(", ", " (", ")");
        facts.add("HTTP " + status);
        if (problem != null && problem.code() != null) {
            facts.add("code: " + clean(problem.code()));
        }
        if (problem != null && problem.field() != null) {
            facts.add("field: " + clean(problem.field()));
        }
        message.append(facts);
        if (status == 401 && unauthorizedHint != null) {
            message.append("; ").append(unauthorizedHint);
        }
        return new ServiceError(status, problem == null ? null : problem.code(), problem == null ? null : problem.field(),
                message.toString());
    }

    /** One printable line of bounded length: a server's text never moves the cursor or floods the terminal. */
    static String clean(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "…" : oneLine;
    }
}
