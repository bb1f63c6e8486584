package io.ambientcode.credentialapi.support;

import static io.restassured.RestAssured.given;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST Assured entry points; every response is recorded for the leak scan. */
public final class Api {

    public static final String BASE = CredentialApiPaths.BASE;
    public static final String CREDENTIALS = BASE + "/credentials";

    private static final Filter RECORDER = (request, response, context) -> {
        Response r = context.next(request, response);
        TestSecrets.recordResponse(request.getMethod() + " " + request.getURI() + " -> " + r.statusCode() + "\n"
                + r.getHeaders() + "\n" + r.asString());
        return r;
    };

    private Api() {
    }

    public static RequestSpecification as(String jwt) {
        RequestSpecification spec = given().filter(RECORDER);
        return jwt == null ? spec : spec.header("Authorization", "Bearer " + jwt);
    }

    public static RequestSpecification anonymous() {
        return as(null);
    }

    public static RequestSpecification json(String jwt, String body) {
        return as(jwt).contentType("application/json").body(body);
    }

    public static String bindings(String project) {
        return BASE + "/projects/" + project + "/credential-bindings";
    }

    public static String resolve(String project) {
        return CredentialApiPaths.resolveBindings(project);
    }
}
