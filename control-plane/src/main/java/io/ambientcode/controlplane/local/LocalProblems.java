package io.ambientcode.controlplane.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;

/** The local APIs' errors: contracts {@link Problem} as {@code application/problem+json}, never echoing input. */
final class LocalProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalProblems() {
    }

    static Response of(int status, String code, String title, String detail, String field) {
        Problem problem = field == null ? Problem.of(status, code, title, detail)
                : Problem.ofField(status, code, title, detail, field);
        try {
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(JSON.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }

    static Response notFound(String detail) {
        return of(404, "not_found", "Not Found", detail, null);
    }

    static Response unauthorized(String code, String detail) {
        return Response.fromResponse(of(401, code, "Unauthorized", detail, null)).header("WWW-Authenticate", "Bearer").build();
    }

    static Response of(LocalSessionException e) {
        String title = switch (e.status()) {
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            default -> "Bad Request";
        };
        return of(e.status(), e.code(), title, e.getMessage(), e.field());
    }
}
