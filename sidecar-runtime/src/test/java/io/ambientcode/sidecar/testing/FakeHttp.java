package io.ambientcode.sidecar.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.ambientcode.contracts.problem.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Response helpers shared by the fakes. */
final class FakeHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private FakeHttp() {
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    static void problem(HttpExchange ex, int status, String code) throws IOException {
        send(ex, status, Problem.MEDIA_TYPE, JSON.writeValueAsString(Problem.of(status, code, code, null)));
    }
}
