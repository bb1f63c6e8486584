package io.ambientcode.sidecar.google.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two Google credential shapes the credential API stores (ARCHITECTURE.md section 3, contracts
 * {@code CredentialShape.GOOGLE}): an {@code authorized_user} (OAuth client plus the user's refresh token) or a
 * {@code service_account} key (optionally impersonating the credential's {@code email} through domain-wide
 * delegation). Parsing errors name the missing field, never a value; {@code toString()} hides every secret.
 */
public sealed interface GoogleCredential {

    ObjectMapper JSON = new ObjectMapper();

    /** OAuth refresh-token grant material. */
    record AuthorizedUser(String clientId, String clientSecret, String refreshToken) implements GoogleCredential {
        @Override
        public String toString() {
            return "AuthorizedUser[clientId=" + clientId + ", secrets=<hidden>]";
        }
    }

    /** JWT-bearer grant material; {@code subject} is the user to impersonate (domain-wide delegation). */
    record ServiceAccount(String clientEmail, RSAPrivateKey privateKey, Optional<String> keyId, Optional<String> subject)
            implements GoogleCredential {
        @Override
        public String toString() {
            return "ServiceAccount[clientEmail=" + clientEmail + ", keyId=" + keyId.orElse("-") + ", subject="
                    + subject.orElse("-") + ", privateKey=<hidden>]";
        }
    }

    /** Reads the credential's JSON; a malformed one is a clear, value-free error for the tool caller. */
    static GoogleCredential parse(Credential credential) {
        JsonNode doc = read(credential.token())
                .orElseThrow(() -> invalid("the token is not JSON (authorized_user or service_account expected)"));
        String type = doc.path("type").asText("");
        return switch (type) {
            case "authorized_user" -> new AuthorizedUser(field(doc, type, "client_id"), field(doc, type, "client_secret"),
                    field(doc, type, "refresh_token"));
            case "service_account" -> {
                RSAPrivateKey key;
                try {
                    key = Pem.parseRsaPrivateKey(field(doc, type, "private_key"));
                } catch (IllegalArgumentException e) {
                    throw invalid("the service_account private_key is not an RSA private key in PEM form");
                }
                yield new ServiceAccount(field(doc, type, "client_email"), key,
                        Optional.ofNullable(doc.path("private_key_id").textValue()).filter(s -> !s.isBlank()),
                        credential.email());
            }
            default -> throw invalid("\"type\" must be authorized_user or service_account");
        };
    }

    /**
     * The secret values inside a credential JSON, for the redactor: client secret, refresh token, private key, the
     * key's base64 body as one string and line by line (a partial dump is a leak too). Never throws.
     */
    static List<String> secretFragments(String token) {
        List<String> out = new ArrayList<>();
        read(token).ifPresent(doc -> {
            for (String field : new String[] { "client_secret", "refresh_token", "private_key" }) {
                String value = doc.path(field).textValue();
                if (value != null && !value.isBlank()) {
                    out.add(value);
                }
            }
            String pem = doc.path("private_key").textValue();
            if (pem != null) {
                String body = pem.replaceAll("-----[A-Z ]+-----", "");
                out.add(body.replaceAll("\\s", ""));
                for (String line : body.split("\\R")) {
                    if (line.strip().length() >= 16) {
                        out.add(line.strip());
                    }
                }
            }
        });
        return out;
    }

    private static Optional<JsonNode> read(String token) {
        try {
            JsonNode doc = JSON.readTree(token);
            return doc != null && doc.isObject() ? Optional.of(doc) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String field(JsonNode doc, String type, String name) {
        String value = doc.path(name).textValue();
        if (value == null || value.isBlank()) {
            throw invalid(type + " JSON is missing \"" + name + "\"");
        }
        return value;
    }

    private static CredentialUnavailableException invalid(String reason) {
        return new CredentialUnavailableException("the Google credential is unusable: " + reason + "; update the credential");
    }
}
