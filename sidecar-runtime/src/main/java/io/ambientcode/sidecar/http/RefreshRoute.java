package io.ambientcode.sidecar.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.problem.Problem;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.credential.RefreshResult;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * {@code POST /refresh}: the HTTP twin of the {@code refresh_credentials} tool, sharing its 30 s limit. 200 when
 * refreshed; 429 problem+json with {@code Retry-After} when called too early; 503 (transient) or 502 (permanent) when
 * the refresh failed.
 */
@Singleton
public class RefreshRoute {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Instance<CredentialRefresher> refresher;

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/refresh").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext rc) {
        RefreshResult result = refresher.get().refreshOnDemand();
        if (result instanceof RefreshResult.Refreshed r) {
            send(rc, 200, "application/json", Map.of("status", "refreshed", "credential_id", r.credentialId()));
        } else if (result instanceof RefreshResult.TooEarly t) {
            rc.response().putHeader("Retry-After", Long.toString(t.retryAfter().toSeconds()));
            send(rc, 429, Problem.MEDIA_TYPE, Problem.of(429, "refresh_too_early", "Refreshed recently",
                    "credentials may be refreshed again in " + t.retryAfter().toSeconds() + " s"));
        } else {
            RefreshResult.Failed f = (RefreshResult.Failed) result;
            int status = f.permanent() ? 502 : 503;
            send(rc, status, Problem.MEDIA_TYPE, Problem.of(status, "refresh_failed", "Refresh failed", f.safeMessage()));
        }
    }

    private static void send(RoutingContext rc, int status, String type, Object body) {
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", type).end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(500).end();
        }
    }
}
