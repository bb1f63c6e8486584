package io.ambientcode.sidecar.testing;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of a sidecar's {@code @QuarkusTest} classes: waits until the sidecar holds its first credential (readiness on
 * the management interface), then hands out an initialized {@link McpHttpClient} in {@link #mcp}.
 */
public abstract class SidecarQuarkusTestBase {

    @TestHTTPResource("/")
    protected URL base;

    /** Health and metrics are on the management interface (injected as its {@code /q/} root). */
    @TestHTTPResource(value = "/", management = true)
    protected URL management;

    protected McpHttpClient mcp;

    @BeforeEach
    void readyAndConnected() {
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().baseUri(managementBase())
                .get("/q/health/ready").statusCode() == 200);
        mcp = new McpHttpClient(baseUrl()).initialize();
    }

    /** {@code http://host:port} of the management interface; paths are {@code /q/health/...}. */
    protected String managementBase() {
        return URI.create(management.toString()).resolve("/").toString().replaceAll("/+$", "");
    }

    /** {@code http://host:port} of the MCP endpoint's server. */
    protected String baseUrl() {
        return base.toString().replaceAll("/+$", "");
    }
}
