package io.ambientcode.credentialapi.service;

/**
 * Every {@code code} the credential API answers in {@code application/problem+json}, with its HTTP status: the one
 * place the error contract lives (docs/specs/credential-api.md lists the same table; {@code CredentialApiSpecDocTest}
 * compares them).
 */
public enum ErrorCode {

    BAD_REQUEST(400, "the request is malformed"),
    MALFORMED_JSON(400, "the body is not a well-formed JSON object"),
    UNKNOWN_FIELD(400, "a field the resource does not have"),
    READ_ONLY_FIELD(400, "a field the server sets (id, owner, timestamps)"),
    MISSING_FIELD(400, "a required field is absent"),
    INVALID_FIELD(400, "a field has the wrong type, length or format"),
    UNKNOWN_PROVIDER(400, "the provider is not one the API stores"),
    INVALID_CREDENTIAL(400, "the token, url or email does not fit the provider's credential shape"),
    INVALID_PATH_PARAMETER(400, "an id or name in the path is malformed"),
    INVALID_QUERY_PARAMETER(400, "a query parameter is malformed"),
    INVALID_PAGING(400, "page or size out of range"),
    INVALID_HEADER(400, "a header (Content-Length, If-Match) is malformed"),
    MISSING_TOKEN(401, "no bearer token"),
    INVALID_TOKEN(401, "the bearer token fails verification (issuer, audience, signature, algorithm, expiry, claims)"),
    FORBIDDEN(403, "the caller may not do this to a resource it can see"),
    NOT_CREDENTIAL_OWNER(403, "only the credential's owner may bind it"),
    NOT_FOUND(404, "no such resource, or one the caller may not know about"),
    CREDENTIAL_NOT_FOUND(404, "the credential of a binding does not exist or is not visible"),
    METHOD_NOT_ALLOWED(405, "the method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "the requested media type cannot be produced"),
    DUPLICATE_NAME(409, "the caller already has a credential with this name"),
    DUPLICATE_BINDING(409, "this credential is already bound at this level"),
    CREDENTIAL_BOUND(409, "the credential is still bound; delete with force=true"),
    VERSION_CONFLICT(409, "a concurrent write changed the resource"),
    PRECONDITION_FAILED(412, "If-Match does not match the current version"),
    BODY_TOO_LARGE(413, "the body is over 64 KiB"),
    UNSUPPORTED_MEDIA_TYPE(415, "the body is not application/json"),
    CREDENTIAL_NOT_BOUND(422, "an explicit credential is not bound to the project or agent"),
    DUPLICATE_PROVIDER(422, "two explicit credentials of one provider"),
    INTERNAL_ERROR(500, "an unexpected error"),
    STORED_VALUE_UNREADABLE(500, "a stored token does not open with the keyring (tampered, moved or unknown version)"),
    DATABASE_UNAVAILABLE(503, "the database cannot be reached; retry"),
    TOKEN_KEYS_UNAVAILABLE(503, "the token server's keys cannot be fetched; retry");

    private final int status;
    private final String meaning;

    ErrorCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    /** The wire value, e.g. {@code version_conflict}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** When the API answers it; for documentation. */
    public String meaning() {
        return meaning;
    }

    public static java.util.Optional<ErrorCode> byCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code().equals(code)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
