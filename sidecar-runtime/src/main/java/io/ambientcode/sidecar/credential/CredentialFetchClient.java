package io.ambientcode.sidecar.credential;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.credential.CredentialTokenPayload;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.sidecar.exchange.CredentialFailure;
import io.ambientcode.sidecar.exchange.CredentialFailure.Stage;
import io.ambientcode.sidecar.exchange.SessionToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET {api}/api/ambient/v1/credentials/{id}/token} with the session JWT; the reply is a JWE to the JWT's
 * {@code cnf.jwk}, opened with the private half of the key used in the exchange (ARCHITECTURE.md section 5).
 */
public final class CredentialFetchClient {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http;
    private final URI url;
    private final String credentialId;
    private final String provider;
    private final Duration timeout;
    private final Clock clock;

    public CredentialFetchClient(HttpClient http, URI url, String credentialId, String provider, Duration timeout, Clock clock) {
        this.http = http;
        this.url = url;
        this.credentialId = credentialId;
        this.provider = provider;
        this.timeout = timeout;
        this.clock = clock;
    }

    public Credential fetch(SessionToken session) throws CredentialFailure {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", "Bearer " + session.jwt())
                .header("Accept", Jwe.MEDIA_TYPE)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CredentialFailure(Stage.FETCH, 0, "unreachable", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialFailure(Stage.FETCH, 0, "interrupted", false);
        }
        int status = response.statusCode();
        if (status != 200) {
            String code = io.ambientcode.sidecar.exchange.CredentialFailures.code(response.body()).orElse("http_" + status);
            throw new CredentialFailure(Stage.FETCH, status, code, isPermanent(status));
        }
        CredentialTokenPayload payload;
        try {
            payload = JSON.readValue(Jwe.decrypt(response.body().strip(), (ECPrivateKey) session.key().getPrivate()),
                    CredentialTokenPayload.class);
        } catch (Exception e) {
            throw new CredentialFailure(Stage.FETCH, 200, "undecryptable_reply", false);
        }
        if (!credentialId.equals(payload.credentialId()) || !provider.equals(payload.provider())) {
            throw new CredentialFailure(Stage.FETCH, 200, "wrong_credential", true);
        }
        if (payload.token() == null || payload.token().isEmpty()) {
            throw new CredentialFailure(Stage.FETCH, 200, "empty_token", true);
        }
        try {
            return Credential.of(payload, clock.instant());
        } catch (RuntimeException e) {
            throw new CredentialFailure(Stage.FETCH, 200, "malformed_reply", false);
        }
    }

    /**
     * 401: the session token was refused (expired, clock skew): a fresh exchange may help. 403/404: the binding is
     * gone or the session may not read it: permanent. 429 and 5xx: transient.
     */
    static boolean isPermanent(int status) {
        return status == 400 || status == 403 || status == 404 || status == 410 || status == 422;
    }
}
