package io.ambientcode.credentialapi.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the token server's {@code GET /.well-known/jwks.json}: real HTTP on a free loopback port, serving
 * whatever key set {@link TestKeys} last published, counting fetches, and able to fail on demand.
 */
public final class JwksServer {

    public static final String PATH = "/.well-known/jwks.json";
    private static final String DOCUMENT = "credapi.test.jwks";
    private static final String HITS = "credapi.test.jwks.hits";
    private static final String FAILING = "credapi.test.jwks.failing";

    private final HttpServer server;

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    public static JwksServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(PATH, exchange -> {
                Shared.increment(HITS);
                boolean failing = Boolean.getBoolean(FAILING);
                byte[] body = (failing ? "{\"error\":\"unavailable\"}" : System.getProperty(DOCUMENT, "{\"keys\":[]}"))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new JwksServer(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public void stop() {
        server.stop(0);
    }

    static void publish(String jwks) {
        System.setProperty(DOCUMENT, jwks);
    }

    public static int hits() {
        return Shared.count(HITS);
    }

    public static void failing(boolean failing) {
        System.setProperty(FAILING, String.valueOf(failing));
    }
}
