package io.ambientcode.sidecar.github.support;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/** Waits until the sidecar holds its first credential, then hands out an initialized MCP client. */
public abstract class SidecarTestBase {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    protected java.net.URL base;

    /** Health and metrics are on the management interface (injected as its {@code /q/} root). */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    protected java.net.URL management;

    /** {@code http://host:port} of the management interface; paths are {@code /q/health/...}. */
    protected String managementBase() {
        return java.net.URI.create(management.toString()).resolve("/").toString().replaceAll("/+$", "");
    }

    protected McpClient mcp;

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().baseUri(managementBase())
                .get("/q/health/ready").statusCode() == 200);
        mcp = new McpClient(base.toString()).initialize();
    }

    protected String baseUrl() {
        return base.toString().replaceAll("/+$", "");
    }
}
