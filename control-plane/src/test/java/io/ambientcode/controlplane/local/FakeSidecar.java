package io.ambientcode.controlplane.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stand-in sidecar for the local runtime's tests (JDK only, packaged into a jar by {@link FakeSidecarJar}): it reads
 * its proof from {@code AMBIENT_SIDECAR_PROOF_FILE} as a real sidecar does, serves {@code /q/health/ready} on the
 * management port and {@code /mcp} on the MCP port, and reports the SHA-256 of the proof it read at
 * {@code /q/fake/proof-sha256}, so a test can check the proof reached the process through the file. A file
 * {@code fake-sidecar.mode} in its working directory containing {@code crash} makes it exit with code 3 at start.
 */
public final class FakeSidecar {

    private FakeSidecar() {
    }

    public static void main(String[] args) throws Exception {
        Path mode = Path.of("fake-sidecar.mode");
        if (Files.exists(mode) && Files.readString(mode).contains("crash")) {
            System.out.println("fake sidecar: crashing on purpose");
            System.exit(3);
        }
        String proof = Files.readString(Path.of(System.getenv("AMBIENT_SIDECAR_PROOF_FILE"))).strip();
        if (!proof.matches("[A-Za-z0-9_-]{16,128}")) {
            System.out.println("fake sidecar: no proof");
            System.exit(2);
        }
        String digest = sha256(proof);
        String host = System.getenv("QUARKUS_HTTP_HOST");
        HttpServer mcp = HttpServer.create(new InetSocketAddress(host, Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
        mcp.createContext("/mcp", ex -> reply(ex, "fake mcp for " + System.getenv("CREDENTIAL_PROVIDER")));
        HttpServer management = HttpServer.create(new InetSocketAddress(System.getenv("QUARKUS_MANAGEMENT_HOST"),
                Integer.parseInt(System.getenv("QUARKUS_MANAGEMENT_PORT"))), 0);
        management.createContext("/q/health/ready", ex -> reply(ex, "{\"status\":\"UP\"}"));
        management.createContext("/q/fake/proof-sha256", ex -> reply(ex, digest));
        mcp.start();
        management.start();
        System.out.println("fake sidecar: serving " + System.getenv("CREDENTIAL_PROVIDER"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake sidecar: stopping")));
        Thread.currentThread().join();
    }

    static String sha256(String value) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
