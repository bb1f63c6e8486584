package io.ambientcode.sidecar.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One tiny upstream for every sidecar's simple tool (GitHub {@code /user}, Jira {@code /rest/api/{2,3}/project},
 * Google's token endpoint and Gmail labels, Kubernetes {@code /api/v1/namespaces}), answering canned JSON from memory,
 * optionally after a fixed delay (a stand-in for a SaaS API's latency). Loopback only; enough threads that it is never
 * the bottleneck of 16 concurrent clients.
 */
public final class FakeUpstream implements AutoCloseable {

    static final String USER = "{\"login\":\"octocat\",\"id\":1,\"name\":\"The Octocat\",\"type\":\"User\"}";
    static final String PROJECTS = "[{\"id\":\"10000\",\"key\":\"BENCH\",\"name\":\"Bench\",\"projectTypeKey\":\"software\"}]";
    static final String LABELS = "{\"labels\":[{\"id\":\"INBOX\",\"name\":\"INBOX\",\"type\":\"system\"},"
            + "{\"id\":\"Label_1\",\"name\":\"bench\",\"type\":\"user\"}]}";
    static final String NAMESPACES = "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"1\"},"
            + "\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"default\","
            + "\"creationTimestamp\":\"2026-01-01T00:00:00Z\"},\"status\":{\"phase\":\"Active\"}}]}";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "fake-upstream");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> answers;
    private final long delayMillis;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each keep-alive reply waits out the
        // client's delayed ACK (~40 ms on loopback), which would hide any overhead measured against it.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeUpstream(long delayMillis, String accessToken) throws IOException {
        this.delayMillis = delayMillis;
        this.answers = Map.of(
                "GET /user", USER,
                "GET /rest/api/3/project", PROJECTS,
                "GET /rest/api/2/project", PROJECTS,
                "POST /token", "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}",
                "GET /gmail/v1/users/me/labels", LABELS,
                "GET /api/v1/namespaces", NAMESPACES);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        String body = answers.get(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = (body != null ? body : "{\"message\":\"Not Found\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
