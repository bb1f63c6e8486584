package io.ambientcode.systemtests.kubernetes.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A git smart-HTTP host that wants the token the way GitHub does (Basic {@code x-access-token:<token>}) and serves bare
 * repositories with the real {@code git http-backend}. It accepts only the tokens it is told are current.
 */
final class GitHost implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private final Set<String> acceptedTokens = new CopyOnWriteArraySet<>();

    GitHost() throws IOException {
        root = Files.createTempDirectory("systest-git");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void accept(String token) {
        acceptedTokens.add(token);
    }

    void revoke(String token) {
        acceptedTokens.remove(token);
    }

    /** Creates {@code owner/name.git} with one commit holding {@code file} = {@code content}; pushes are allowed. */
    void createRepository(String owner, String name, String file, String content) throws IOException, InterruptedException {
        Path bare = root.resolve(owner).resolve(name + ".git");
        Files.createDirectories(bare);
        git(bare, "init", "--bare", "-q", "-b", "main");
        git(bare, "config", "http.receivepack", "true");
        Path work = Files.createTempDirectory("systest-git-seed");
        git(work, "init", "-q", "-b", "main");
        Files.writeString(work.resolve(file), content);
        git(work, "add", file);
        git(work, "-c", "user.name=seed", "-c", "user.email=seed@systest.invalid", "commit", "-q", "-m", "seed");
        git(work, "push", "-q", bare.toString(), "main");
    }

    /** The content of a file at the tip of a branch of a bare repository here. */
    String show(String owner, String name, String branch, String file) throws IOException, InterruptedException {
        return git(root.resolve(owner).resolve(name + ".git"), "show", branch + ":" + file);
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            boolean ok = authorization != null && acceptedTokens.stream().anyMatch(t -> authorization.equals("Basic "
                    + Base64.getEncoder().encodeToString(("x-access-token:" + t).getBytes(StandardCharsets.UTF_8))));
            if (!ok) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"systest git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
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
        putIf(env, "HTTP_CONTENT_ENCODING", ex.getRequestHeaders().getFirst("Content-Encoding"));
        putIf(env, "GIT_PROTOCOL", ex.getRequestHeaders().getFirst("Git-Protocol"));
        byte[] body = ex.getRequestBody().readAllBytes();
        env.put("CONTENT_LENGTH", Integer.toString(body.length));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process cgi = pb.start();
        try (OutputStream in = cgi.getOutputStream()) {
            in.write(body);
        }
        byte[] out = cgi.getInputStream().readAllBytes();
        int split = headerEnd(out);
        String head = new String(out, 0, split, StandardCharsets.ISO_8859_1);
        int status = 200;
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                ex.getResponseHeaders().add(name, value);
            }
        }
        int bodyStart = split + (out.length > split + 3 && out[split] == '\r' ? 4 : 2);
        byte[] response = java.util.Arrays.copyOfRange(out, Math.min(bodyStart, out.length), out.length);
        ex.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
        if (response.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(response);
            }
        }
    }

    private static int headerEnd(byte[] out) {
        for (int i = 0; i + 1 < out.length; i++) {
            if (out[i] == '\n' && out[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < out.length && out[i] == '\r' && out[i + 1] == '\n' && out[i + 2] == '\r' && out[i + 3] == '\n') {
                return i;
            }
        }
        return out.length;
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
