package io.ambientcode.sidecar.github.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local smart-HTTP git host that demands the token the way GitHub does (Basic {@code x-access-token:<token>}) and
 * serves bare repositories with the real {@code git http-backend} as CGI. Bodies stream in both directions.
 */
public final class GitServer implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private volatile String expectedToken;
    /** Authorization outcomes, "ok" or "refused", in order (for asserting which token the proxy used). */
    public final List<String> authLog = new CopyOnWriteArrayList<>();

    public GitServer(Path root, String expectedToken) throws IOException {
        this.root = root;
        this.expectedToken = expectedToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void expectToken(String token) {
        this.expectedToken = token;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString(("x-access-token:" + expectedToken).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                authLog.add("refused");
                ex.getRequestHeaders().getFirst("Authorization");
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"test git host\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            authLog.add("ok");
            cgi(ex);
        } finally {
            ex.close();
        }
    }

    private void cgi(HttpExchange ex) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = pb.environment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", ex.getRequestURI().getPath());
        env.put("REQUEST_METHOD", ex.getRequestMethod());
        env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
        env.put("REMOTE_USER", "x-access-token");
        env.put("REMOTE_ADDR", "127.0.0.1");
        putIf(env, "CONTENT_TYPE", ex.getRequestHeaders().getFirst("Content-Type"));
        putIf(env, "CONTENT_LENGTH", ex.getRequestHeaders().getFirst("Content-Length"));
        putIf(env, "HTTP_CONTENT_ENCODING", ex.getRequestHeaders().getFirst("Content-Encoding"));
        putIf(env, "GIT_PROTOCOL", ex.getRequestHeaders().getFirst("Git-Protocol"));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        Thread feeder = new Thread(() -> {
            try (InputStream in = ex.getRequestBody(); OutputStream out = p.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the backend may close early on errors
            }
        }, "cgi-stdin");
        feeder.start();
        InputStream out = p.getInputStream();
        int status = 200;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = out.read();
            if (b == -1) {
                break;
            }
            if (b == '\n') {
                String header = line.toString(StandardCharsets.UTF_8).replaceAll("\r$", "");
                line.reset();
                if (header.isEmpty()) {
                    break;
                }
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).strip();
                String value = header.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ")[0]);
                } else {
                    ex.getResponseHeaders().add(name, value);
                }
            } else {
                line.write(b);
            }
        }
        ex.sendResponseHeaders(status, 0);
        try (OutputStream body = ex.getResponseBody()) {
            out.transferTo(body);
        }
        try {
            feeder.join(60_000);
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void putIf(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
