package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.testing.SpecDocs;
import io.ambientcode.credentialapi.service.ErrorCode;
import io.ambientcode.credentialapi.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/specs/credential-api.md against the service: the routes table equals the routes of the generated OpenAPI
 * document (method and path), and the errors table equals {@link ErrorCode} (code and status).
 */
@QuarkusTest
class CredentialApiSpecDocTest {

    private static final String DOC = "credential-api.md";
    private static final String BASE = "/api/ambient/v1";

    @Test
    void routesTableIsExactlyTheServedRoutes() throws Exception {
        Set<String> documented = new HashSet<>();
        for (Map<String, String> row : SpecDocs.table(DOC, "route")) {
            documented.add(row.get("route").replace("{{", "{").replace("}}", "}"));
        }
        String openapi = Api.anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Set<String> served = new HashSet<>();
        JsonNode paths = new ObjectMapper().readTree(openapi).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            String route = path.getKey().startsWith(BASE) ? path.getKey().substring(BASE.length()) : path.getKey();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    served.add(method.toUpperCase() + " " + route.replace("{project}", "{project}"));
                }
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }

    /** The OpenAPI schema spells the provider list out (annotations need constants); it must be the registry's. */
    @Test
    void openApiProviderEnumIsTheRegistry() throws Exception {
        String openapi = Api.anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<String> documented = new java.util.ArrayList<>();
        new ObjectMapper().readTree(openapi).path("components").path("schemas").path("CredentialCreate")
                .path("properties").path("provider").path("enum").forEach(n -> documented.add(n.asText()));
        List<String> registry = new java.util.ArrayList<>(io.ambientcode.contracts.provider.Provider.ids());
        registry.addAll(io.ambientcode.contracts.provider.Provider.STORED_WITHOUT_SIDECAR.keySet());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registry);
    }

    @Test
    void errorTableIsExactlyTheErrorCodes() {
        Map<String, Integer> documented = new LinkedHashMap<>();
        for (Map<String, String> row : SpecDocs.table(DOC, "status")) {
            documented.put(row.get("code"), Integer.parseInt(row.get("status")));
        }
        Map<String, Integer> inCode = new LinkedHashMap<>();
        Arrays.stream(ErrorCode.values()).forEach(c -> inCode.put(c.code(), c.status()));
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(inCode);
    }
}
