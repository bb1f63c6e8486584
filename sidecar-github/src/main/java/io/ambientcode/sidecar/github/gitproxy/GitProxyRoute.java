package io.ambientcode.sidecar.github.gitproxy;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.bootstrap.SidecarContext;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import io.ambientcode.sidecar.github.client.GitHubClient;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The git smart-HTTP proxy (ARCHITECTURE.md section 7): the runner's {@code git} reaches
 * {@code http://localhost:8091/git/owner/repo.git/...} through its {@code insteadOf} rewrite, and this route forwards
 * {@code info/refs}, {@code git-upload-pack} and {@code git-receive-pack} to the configured git host with the
 * credential attached as Basic {@code x-access-token:<token>}. Bodies are piped both ways with back-pressure (a pack
 * is never held in memory). The runner's own {@code Authorization} is dropped; only the git host derived from the
 * credential is reachable. A 401 on {@code info/refs} refreshes the credential once and retries once. In read-only
 * mode ({@code MCP_READ_ONLY}) pushes are refused before anything is sent upstream, as the write tools are hidden:
 * read-only must not depend on the token's own scopes.
 */
@Singleton
public class GitProxyRoute {

    private static final Logger LOG = Logger.getLogger(GitProxyRoute.class);
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Content-Encoding", "Accept",
            "Git-Protocol", "User-Agent", "Content-Length");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Encoding", "Cache-Control",
            "Expires", "Pragma", "Content-Length");

    @Inject
    Vertx vertx;

    @Inject
    CredentialHolder holder;

    @Inject
    Instance<CredentialRefresher> refresher;

    @Inject
    Instance<GitHubClient> github;

    @Inject
    SidecarConfig config;

    @Inject
    SidecarContext context;

    private volatile HttpClient client;

    void register(@Observes Router router) {
        router.route("/git/*").order(-10).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest in = rc.request();
        in.pause();
        Optional<GitRequest> parsed = GitRequest.parse(in.method().name(), in.path(), in.getParam("service"));
        if (parsed.isEmpty()) {
            in.resume();
            rc.response().setStatusCode(404).putHeader("Content-Type", "text/plain")
                    .end("not a git smart-HTTP path this proxy forwards\n");
            return;
        }
        GitRequest request = parsed.get();
        if (request.isPush() && context.environment().readOnly()) {
            in.resume();
            gitError(rc.response(), request, 403, "this session is read-only (MCP_READ_ONLY=true): git push is refused");
            return;
        }
        Credential credential;
        try {
            credential = holder.require();
        } catch (CredentialUnavailableException e) {
            in.resume();
            gitError(rc.response(), request, 503, "the github sidecar holds no credential yet; try again shortly");
            return;
        }
        forward(rc, request, credential, true);
    }

    private void forward(RoutingContext rc, GitRequest request, Credential credential, boolean mayRetry) {
        HttpServerRequest in = rc.request();
        URI target = request.upstream(github.get().endpoints(credential).git());
        RequestOptions options = new RequestOptions()
                .setMethod(request.isAdvertisement() ? HttpMethod.GET : HttpMethod.POST)
                .setAbsoluteURI(target.toString())
                .setFollowRedirects(false)
                .setIdleTimeout(config.upstream().requestTimeout().toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : REQUEST_HEADERS) {
            String value = in.getHeader(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        headers.set("Authorization", GitCredentials.authorizationHeader(credential.token()));
        options.setHeaders(headers);

        client().request(options).compose(out -> {
            if (in.getHeader("Content-Length") == null && !request.isAdvertisement()) {
                out.setChunked(true);
            }
            return request.isAdvertisement() ? out.send() : out.send(in);
        }).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warnf("git proxy: %s/%s %s failed: %s", request.owner(), request.repo(), request.endpoint(),
                        ar.cause().getClass().getSimpleName());
                gitError(rc.response(), request, 502, "the git host could not be reached");
                return;
            }
            HttpClientResponse upstream = ar.result();
            int status = upstream.statusCode();
            if (status == 401 && mayRetry && request.isAdvertisement()) {
                upstream.body();
                retryAfterRefresh(rc, request, credential);
                return;
            }
            if (status >= 300) {
                upstream.body();
                LOG.infof("git proxy: %s/%s %s: upstream status %d", request.owner(), request.repo(), request.endpoint(), status);
                gitError(rc.response(), request, status, GitProtocol.describe(status));
                return;
            }
            HttpServerResponse response = rc.response().setStatusCode(status);
            for (String name : RESPONSE_HEADERS) {
                String value = upstream.getHeader(name);
                if (value != null) {
                    response.putHeader(name, value);
                }
            }
            if (upstream.getHeader("Content-Length") == null) {
                response.setChunked(true);
            }
            upstream.pipeTo(response);
        });
    }

    private void retryAfterRefresh(RoutingContext rc, GitRequest request, Credential used) {
        vertx.<Credential> executeBlocking(() -> refresher.get().refreshAfterRefusal(used, "the git host answered 401"), false)
                .onComplete(ar -> {
                    if (ar.failed()) {
                        gitError(rc.response(), request, 401, GitProtocol.describe(401) + " and refreshing it failed");
                    } else {
                        forward(rc, request, ar.result(), false);
                    }
                });
    }

    private static void gitError(HttpServerResponse response, GitRequest request, int upstreamStatus, String message) {
        if (response.ended() || response.headWritten()) {
            response.reset();
            return;
        }
        // 200 with an ERR packet: git prints "remote error: <message>" instead of prompting for a password.
        response.setStatusCode(200)
                .putHeader("Content-Type", GitProtocol.contentType(request))
                .putHeader("Cache-Control", "no-cache")
                .end(Buffer.buffer(GitProtocol.error(message)));
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                            .setKeepAlive(true)
                            .setMaxPoolSize(8)
                            .setDecompressionSupported(false)
                            .setTryUseCompression(false));
                }
                c = client;
            }
        }
        return c;
    }

}
