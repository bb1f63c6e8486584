package io.ambientcode.systemtests.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The official MCP TypeScript SDK client every sidecar test uses ({@code sidecar-runtime/src/test/node/client.mjs}, SDK
 * pinned by its committed lockfile): connect over streamable HTTP, list tools, call one. {@code npm ci} runs once when
 * its {@code node_modules} is missing.
 */
final class McpSdk {

    /** What the client printed ({@code server}, {@code tools}, {@code call}), and its raw output for the leak scan. */
    record Call(JsonNode result, String output) {
    }

    private McpSdk() {
    }

    static Path dir() {
        return LocalWorld.repository().resolve("sidecar-runtime/src/test/node");
    }

    static synchronized void install() throws IOException, InterruptedException {
        if (Files.isDirectory(dir().resolve("node_modules/@modelcontextprotocol/sdk"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir().toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes());
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + dir() + ":\n" + out);
        }
    }

    static Call call(String url, String tool) throws Exception {
        install();
        Process node = new ProcessBuilder("node", "client.mjs", "streamable", url, tool, "{}").directory(dir().toFile()).start();
        CompletableFuture<String> out = Acpctl.drain(node.getInputStream());
        CompletableFuture<String> err = Acpctl.drain(node.getErrorStream());
        if (!node.waitFor(90, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("the MCP SDK client did not finish");
        }
        String stdout = out.get(10, TimeUnit.SECONDS);
        String stderr = err.get(10, TimeUnit.SECONDS);
        if (node.exitValue() != 0) {
            throw new AssertionError("the MCP SDK client failed (" + node.exitValue() + "): " + stderr);
        }
        return new Call(new ObjectMapper().readTree(stdout), stdout + stderr);
    }
}
