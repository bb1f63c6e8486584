package io.ambientcode.systemtests.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.local.LocalLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Does what a sidecar does first: a v2 exchange at the local token server ({@code GET /token}) with a session id, a
 * provider and a proof. The answer's status and problem {@code code} tell whether the session may still mint tokens.
 */
final class TokenServerProbe {

    /** Status and problem code of one exchange (code empty on success). */
    record Answer(int status, String code) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RSAPublicKey exchangeKey;

    TokenServerProbe() throws Exception {
        String pem = http.send(HttpRequest.newBuilder(URI.create(LocalLayout.url(LocalLayout.TOKEN_SERVER_PORT) + "/public-key"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        this.exchangeKey = Pem.parseRsaPublicKey(pem);
    }

    Answer exchange(String sessionId, String provider, String proof) throws Exception {
        EcPublicJwk epk = EcPublicJwk.of((ECPublicKey) EcKeys.generateP256().getPublic());
        ExchangeAssertion assertion = ExchangeAssertion.create(sessionId, provider, proof, epk, Instant.now().getEpochSecond());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(LocalLayout.url(LocalLayout.TOKEN_SERVER_PORT)
                + "/token")).timeout(Duration.ofSeconds(10))
                .header("Authorization", ExchangeCodec.authorizationHeader(assertion, exchangeKey)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String code = r.statusCode() == 200 ? "" : new ObjectMapper().readTree(r.body()).path("code").asText("");
        return new Answer(r.statusCode(), code);
    }
}
