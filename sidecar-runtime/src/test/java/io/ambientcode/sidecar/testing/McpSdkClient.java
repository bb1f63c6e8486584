package io.ambientcode.sidecar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official MCP TypeScript SDK client ({@code sidecar-runtime/src/test/node/client.mjs}, SDK pinned by a
 * committed lockfile) against a sidecar: connect, list tools, call one tool. {@code npm ci} runs once, when
 * {@code node_modules} is missing; afterwards the tests work offline.
 */
public final class McpSdkClient {

    private McpSdkClient() {
    }

    /** The client's directory, found from any sidecar module. */
    public static Path nodeDir() {
        for (Path candidate : new Path[] { Path.of("src", "test", "node"), Path.of("..", "sidecar-runtime", "src", "test", "node") }) {
            if (Files.exists(candidate.resolve("client.mjs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("sidecar-runtime/src/test/node/client.mjs not found from " + Path.of("").toAbsolutePath());
    }

    /** Installs the pinned SDK if it is not there yet. */
    public static synchronized void install() throws IOException, InterruptedException {
        Path dir = nodeDir();
        if (Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes());
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + dir + ": " + out);
        }
    }

    /** Result of one run: {@code server}, {@code tools}, {@code call} (the CallToolResult). */
    public static JsonNode run(String mode, String url, String tool, String argumentsJson) throws IOException, InterruptedException {
        install();
        Process node = new ProcessBuilder("node", "client.mjs", mode, url, tool, argumentsJson == null ? "{}" : argumentsJson)
                .directory(nodeDir().toFile()).start();
        String out = new String(node.getInputStream().readAllBytes());
        String err = new String(node.getErrorStream().readAllBytes());
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("the MCP SDK client did not finish");
        }
        if (node.exitValue() != 0) {
            throw new IllegalStateException("the MCP SDK client failed (" + node.exitValue() + "): " + err);
        }
        return new ObjectMapper().readTree(out);
    }
}
