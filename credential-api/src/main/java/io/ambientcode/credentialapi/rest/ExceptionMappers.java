package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import io.ambientcode.credentialapi.auth.KeySourceUnavailableException;
import io.ambientcode.credentialapi.service.ApiException;
import io.ambientcode.credentialapi.store.StoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error shape: every failure becomes {@code application/problem+json} with a stable code. Framework
 * messages are not passed through (they may quote input); unexpected errors are logged by class and answered 500.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response keysUnavailable(KeySourceUnavailableException e) {
        return Problems.of(ErrorCode.TOKEN_KEYS_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response store(StoreException e) {
        LOG.errorf("Database failure: %s", e.getMessage());
        return Problems.of(ErrorCode.DATABASE_UNAVAILABLE, "the database could not complete the request; retry later");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 400 -> Problems.of(ErrorCode.BAD_REQUEST, "the request is malformed");
            case 404 -> Problems.of(ErrorCode.NOT_FOUND, "no such resource");
            case 405 -> Problems.of(ErrorCode.METHOD_NOT_ALLOWED, "this method is not allowed on this resource");
            case 406 -> Problems.of(ErrorCode.NOT_ACCEPTABLE, "the requested media type cannot be produced");
            case 413 -> Problems.of(ErrorCode.BODY_TOO_LARGE, "the request body is too large");
            case 415 -> Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send application/json");
            default -> {
                if (status >= 500) {
                    LOG.errorf("Request failed with %d (%s)", status, e.getClass().getName());
                }
                yield status >= 500 ? Problems.of(ErrorCode.INTERNAL_ERROR, "the request could not be completed")
                        : Problems.of(ErrorCode.BAD_REQUEST, "the request could not be completed");
            }
        };
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf("Unexpected failure: %s", e.getClass().getName());
        LOG.debug("Unexpected failure stack", e);
        return Problems.of(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred");
    }
}
