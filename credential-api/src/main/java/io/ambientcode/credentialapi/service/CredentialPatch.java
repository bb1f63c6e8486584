package io.ambientcode.credentialapi.service;

import java.util.Set;

/**
 * A partial update (JSON merge-patch semantics): only {@code fields} are changed; a present field with a null value
 * clears it (description, url, email) or resets it (metadata → {}). {@code token}, when present, replaces the secret.
 */
public record CredentialPatch(
        Set<String> fields,
        String name,
        String description,
        String url,
        String email,
        String metadataJson,
        String token) {

    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String URL = "url";
    public static final String EMAIL = "email";
    public static final String METADATA = "metadata";
    public static final String TOKEN = "token";

    public CredentialPatch {
        fields = Set.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    @Override
    public String toString() {
        return "CredentialPatch[fields=" + fields + "]";
    }
}
