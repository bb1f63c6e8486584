package io.ambientcode.credentialapi.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.problem.Problem;
import io.ambientcode.credentialapi.service.ApiException;
import io.ambientcode.credentialapi.service.ErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code application/problem+json} responses. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** Serialized here, so the body is the same whatever writers the framework would pick for the media type. */
    private static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a problem");
        }
    }

    static Response of(ApiException e) {
        return of(e.toProblem());
    }

    static Response of(ErrorCode code, String detail) {
        return of(Problem.of(code.status(), code.code(), ApiException.titleFor(code.status()), detail));
    }

    static Response of(Problem problem) {
        Response.ResponseBuilder r = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(json(problem));
        if (problem.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        if (problem.status() == 503) {
            r.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return r.build();
    }
}
