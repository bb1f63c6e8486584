package io.ambientcode.sidecar.github.support;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/** Waits until the sidecar holds its first credential, then hands out an initialized MCP client. */
public abstract class SidecarTestBase {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    protected java.net.URL base;

    protected McpClient mcp;

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().baseUri(base.toString())
                .get("/q/health/ready").statusCode() == 200);
        mcp = new McpClient(base.toString()).initialize();
    }

    protected String baseUrl() {
        return base.toString().replaceAll("/+$", "");
    }
}
