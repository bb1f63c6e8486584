package io.ambientcode.credentialapi.service;

/** A credential to create, as read from a request. {@code token} is the plaintext secret: never logged or returned. */
public record NewCredential(
        String name,
        String provider,
        String description,
        String url,
        String email,
        String metadataJson,
        String token) {

    @Override
    public String toString() {
        return "NewCredential[name=" + name + ", provider=" + provider + ", token=<hidden>]";
    }
}
