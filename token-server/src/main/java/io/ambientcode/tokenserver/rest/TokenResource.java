package io.ambientcode.tokenserver.rest;

import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.tokenserver.exchange.TokenExchange;
import io.ambientcode.tokenserver.metrics.ExchangeMetrics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/** {@code GET /token}: the session-token exchange. Refusals carry only a status and a stable code. */
@Path("/token")
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class);

    private final TokenExchange exchange;
    private final ExchangeMetrics metrics;

    TokenResource(TokenExchange exchange, ExchangeMetrics metrics) {
        this.exchange = exchange;
        this.metrics = metrics;
    }

    @GET
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        long start = System.nanoTime();
        try {
            TokenExchange.Issued issued = exchange.exchange(authorization);
            metrics.record("ok", System.nanoTime() - start);
            LOG.debugf("issued a session token sid=%s prv=%s expires_at=%s", issued.sessionId(), issued.provider(),
                    issued.expiresAt());
            return Response.ok(issued.jwe(), Jwe.MEDIA_TYPE).header("Cache-Control", "no-store").build();
        } catch (TokenExchange.Refused refused) {
            ExchangeError error = refused.error();
            metrics.record(error.code(), System.nanoTime() - start);
            if (error.status() == 403) {
                LOG.infof("refused an exchange: %s sid=%s prv=%s", error.code(), refused.sessionId().orElse("-"),
                        refused.provider().orElse("-"));
            } else {
                LOG.debugf("refused an exchange: %s sid=%s prv=%s", error.code(), refused.sessionId().orElse("-"),
                        refused.provider().orElse("-"));
            }
            Response.ResponseBuilder response = Problems.response(error.status(), error.code(), title(error));
            if (error == ExchangeError.RATE_LIMITED || error == ExchangeError.DIRECTORY_UNAVAILABLE) {
                response.header("Retry-After", exchange.retryAfterSeconds());
            }
            return response.build();
        }
    }

    private static String title(ExchangeError error) {
        return switch (error) {
            case INVALID_ASSERTION -> "Invalid assertion";
            case MALFORMED_ASSERTION -> "Malformed assertion";
            case LEGACY_EXCHANGE_DISABLED -> "Legacy exchange disabled";
            case STALE_ASSERTION -> "Stale assertion";
            case REPLAYED_ASSERTION -> "Replayed assertion";
            case SESSION_INACTIVE -> "Session inactive";
            case INVALID_PROOF -> "Invalid proof";
            case RATE_LIMITED -> "Too many exchanges";
            case DIRECTORY_UNAVAILABLE -> "Session directory unavailable";
        };
    }
}
