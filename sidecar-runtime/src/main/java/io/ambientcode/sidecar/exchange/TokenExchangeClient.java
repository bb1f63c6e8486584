package io.ambientcode.sidecar.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.sidecar.exchange.CredentialFailure.Stage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Client side of the v2 token exchange (ARCHITECTURE.md section 4): a fresh P-256 key per exchange, the assertion
 * RSA-OAEP-encrypted to the token server's exchange key, the reply a JWE to that fresh key. Stateless and thread-safe.
 */
public final class TokenExchangeClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenUrl;
    private final RSAPublicKey exchangeKey;
    private final String sessionId;
    private final String provider;
    private final String proof;
    private final Duration timeout;
    private final Clock clock;

    public TokenExchangeClient(HttpClient http, URI tokenUrl, RSAPublicKey exchangeKey, String sessionId, String provider,
            String proof, Duration timeout, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.exchangeKey = exchangeKey;
        this.sessionId = sessionId;
        this.provider = provider;
        this.proof = proof;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** One exchange attempt; retrying is the caller's business (it knows the backoff and the deadline). */
    public SessionToken exchange() throws CredentialFailure {
        KeyPair key = EcKeys.generateP256();
        ExchangeAssertion assertion = ExchangeAssertion.create(sessionId, provider, proof,
                EcPublicJwk.of((ECPublicKey) key.getPublic()), clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Authorization", ExchangeCodec.authorizationHeader(assertion, exchangeKey))
                .header("Accept", Jwe.MEDIA_TYPE)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CredentialFailure(Stage.EXCHANGE, 0, "unreachable", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialFailure(Stage.EXCHANGE, 0, "interrupted", false);
        }
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), CredentialFailures.code(response.body()));
        }
        ExchangeReply reply;
        try {
            reply = JSON.readValue(Jwe.decrypt(response.body().strip(), (ECPrivateKey) key.getPrivate()), ExchangeReply.class);
        } catch (Exception e) {
            // A reply we cannot open is not worth retrying blindly, but it may be a proxy's error page: transient.
            throw new CredentialFailure(Stage.EXCHANGE, 200, "undecryptable_reply", false);
        }
        if (reply.token() == null || reply.token().isBlank()) {
            throw new CredentialFailure(Stage.EXCHANGE, 200, "empty_token", false);
        }
        return new SessionToken(reply.token(), expiry(reply.expiresAt()), key);
    }

    /** 403 is permanent whatever the code says (session inactive, wrong proof); a known code decides otherwise. */
    static CredentialFailure failure(int status, Optional<String> code) {
        Optional<ExchangeError> known = code.flatMap(ExchangeError::byCode);
        boolean permanent = status == 403 || known.map(ExchangeError::isPermanent).orElse(status == 400);
        return new CredentialFailure(Stage.EXCHANGE, status, code.orElse("http_" + status), permanent);
    }

    private Instant expiry(String expiresAt) {
        try {
            return expiresAt == null ? clock.instant().plusSeconds(300) : Instant.parse(expiresAt);
        } catch (DateTimeParseException e) {
            return clock.instant().plusSeconds(300);
        }
    }
}
