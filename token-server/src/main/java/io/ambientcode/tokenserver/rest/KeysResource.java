package io.ambientcode.tokenserver.rest;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.tokenserver.keys.KeyRing;
import io.ambientcode.tokenserver.keys.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/** Public key material: the JWKS that verifies session tokens, and the exchange public key sidecars encrypt to. */
@Path("/")
public class KeysResource {

    private final KeyRing keys;

    KeysResource(KeyRing keys) {
        this.keys = keys;
    }

    /** Current and previous signing keys, each with its {@code kid}. */
    @GET
    @Path(".well-known/jwks.json")
    public Response jwks() {
        JsonWebKeySet set = new JsonWebKeySet();
        for (SigningKey key : keys.current().publishedSigningKeys()) {
            set.addJsonWebKey(key.publicJwk());
        }
        return Response.ok(set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY), "application/jwk-set+json")
                .header("Cache-Control", "public, max-age=60").build();
    }

    /** The exchange public key as SPKI PEM text, the value of {@code AMBIENT_CP_TOKEN_PUBLIC_KEY}. */
    @GET
    @Path("public-key")
    public Response publicKey() {
        return Response.ok(Pem.toSpkiPem(keys.current().exchangePublicKey()), "application/x-pem-file")
                .header("Cache-Control", "public, max-age=60").build();
    }
}
