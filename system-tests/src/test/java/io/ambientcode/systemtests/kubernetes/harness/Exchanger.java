package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.RsaOaep;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.RunSecrets;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Speaks the token-exchange protocol from the outside, the way a sidecar does (or an attacker would): builds v2
 * assertions with contracts' codec, sends them to the token server, opens JWE replies with the key it generated.
 */
public final class Exchanger {

    private final String tokenUrl;
    private final PublicKey exchangeKey;

    public Exchanger(String tokenUrl, String exchangePublicKeyPem) {
        this.tokenUrl = tokenUrl;
        this.exchangeKey = Pem.parseRsaPublicKey(exchangePublicKeyPem);
    }

    /** A fresh P-256 key pair, as a sidecar makes one per exchange. */
    public static KeyPair ephemeralKey() {
        return EcKeys.generateP256();
    }

    /** The Authorization header of a v2 assertion. */
    public String assertion(String sessionId, String provider, String proof, KeyPair epk) {
        ExchangeAssertion a = ExchangeAssertion.create(sessionId, provider, proof,
                EcPublicJwk.of((ECPublicKey) epk.getPublic()), Instant.now().getEpochSecond());
        return RunSecrets.register("exchange assertion", ExchangeCodec.authorizationHeader(a, exchangeKey));
    }

    /** The header of the legacy v1 form: the bare session id, RSA-OAEP encrypted. */
    public String legacyAssertion(String sessionId) {
        return "Bearer " + Base64.getEncoder().encodeToString(RsaOaep.encrypt(exchangeKey, sessionId.getBytes(StandardCharsets.UTF_8)));
    }

    public Http.Response send(String authorization) {
        return Http.get(tokenUrl, Map.of("Authorization", authorization, "Accept", Jwe.MEDIA_TYPE));
    }

    /** Exchanges and returns the session JWT (registered as a secret); fails unless the token server says 200. */
    public String sessionToken(String sessionId, String provider, String proof) {
        KeyPair epk = ephemeralKey();
        Http.Response r = send(assertion(sessionId, provider, proof, epk));
        if (r.status() != 200) {
            throw new AssertionError("exchange for " + sessionId + "/" + provider + " answered " + r.status() + " " + r.body());
        }
        try {
            String payload = Jwe.decrypt(r.body(), (ECPrivateKey) epk.getPrivate());
            return RunSecrets.register("session JWT (harness exchange)", Http.JSON.readTree(payload).path("token").asText());
        } catch (Exception e) {
            throw new AssertionError("cannot open the exchange reply", e);
        }
    }

    /** {@code GET /api/ambient/v1/credentials/{id}/token} with a session JWT. */
    public static Http.Response fetch(String apiUrl, String credentialId, String sessionJwt) {
        return Http.get(apiUrl + CredentialApiPaths.token(credentialId),
                Map.of("Authorization", "Bearer " + sessionJwt, "Accept", Jwe.MEDIA_TYPE));
    }
}
