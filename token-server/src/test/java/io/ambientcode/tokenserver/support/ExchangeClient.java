package io.ambientcode.tokenserver.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.contracts.exchange.RsaOaep;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/** What a sidecar does, written with contracts only: build an assertion, encrypt it, decrypt the reply. */
public final class ExchangeClient {

    private final RSAPublicKey exchangeKey;
    private final KeyPair ephemeral = EcKeys.generateP256();

    public ExchangeClient(String publicKeyPem) {
        this.exchangeKey = Pem.parseRsaPublicKey(publicKeyPem);
    }

    public EcPublicJwk epk() {
        return EcPublicJwk.of((ECPublicKey) ephemeral.getPublic());
    }

    public ExchangeAssertion assertion(String sid, String provider, String proof) {
        return assertion(sid, provider, proof, Instant.now().getEpochSecond());
    }

    public ExchangeAssertion assertion(String sid, String provider, String proof, long iat) {
        return ExchangeAssertion.create(sid, provider, proof, epk(), iat);
    }

    public String header(ExchangeAssertion a) {
        return ExchangeCodec.authorizationHeader(a, exchangeKey);
    }

    /** A header carrying any plaintext at all (for malformed and legacy cases). */
    public String rawHeader(String plaintext) {
        return "Bearer " + Base64.getEncoder().encodeToString(
                RsaOaep.encrypt(exchangeKey, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    public ExchangeReply decrypt(String jwe) throws Exception {
        return new ObjectMapper().readValue(Jwe.decrypt(jwe, (ECPrivateKey) ephemeral.getPrivate()), ExchangeReply.class);
    }
}
