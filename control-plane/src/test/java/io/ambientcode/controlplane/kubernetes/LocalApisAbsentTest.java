package io.ambientcode.controlplane.kubernetes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.ambientcode.controlplane.support.ControlPlaneTestResources;
import io.ambientcode.controlplane.support.MockCluster;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * In the Kubernetes runtime the local APIs do not exist: a cluster's control plane never serves proofs over HTTP, and
 * never trusts the development user issuer. Same application as the other operator tests.
 */
@QuarkusTest
@WithTestResource(value = MockCluster.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ControlPlaneTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LocalApisAbsentTest {

    @Test
    void registryAndManagementAnswerNotFound() {
        String id = UUID.randomUUID().toString();
        for (Response r : List.of(
                given().auth().oauth2("anything").get(LocalSessionRegistry.path(id)),
                given().auth().oauth2("anything").get(LocalSessionRegistry.MANAGE_PREFIX),
                given().auth().oauth2("anything").contentType("application/json").body("{}").post(LocalSessionRegistry.MANAGE_PREFIX),
                given().auth().oauth2("anything").post(LocalSessionRegistry.MANAGE_PREFIX + "/s/stop"))) {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(404);
            assertThat(r.jsonPath().getString("code")).isEqualTo("not_found");
        }
    }
}
