package io.ambientcode.tokenserver.rest;

import io.ambientcode.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;

/** The token server's problem+json responses: status, stable code and a fixed title; never request material. */
final class Problems {

    private Problems() {
    }

    static Response.ResponseBuilder response(int status, String code, String title) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, code, title, null))
                .header("Cache-Control", "no-store");
    }
}
