package io.ambientcode.bench.floor;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The floor's only code: answers the sidecars' readiness path and one JSON route, so the benchmark treats it exactly
 * like a sidecar (ready = 200 on {@code /q/health/ready}, calls = HTTP POSTs) without any extension beyond
 * quarkus-vertx-http.
 */
@Singleton
public class ReadyRoute {

    void register(@Observes Router router) {
        router.get("/q/health/ready").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end("{\"status\":\"UP\"}"));
        router.post("/mcp").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"));
    }
}
