package io.ambientcode.contracts.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stored credential must look like for its provider (ARCHITECTURE.md section 3). Validation is pure and
 * names the offending field; it never echoes the value, because the value is a secret.
 */
public enum CredentialShape {

    /** A single-line token with an optional http(s) {@code url}: providers stored without a sidecar (gitlab). */
    TOKEN {
        @Override
        List<FieldProblem> check(CredentialFields c) {
            List<FieldProblem> problems = new ArrayList<>();
            requireSingleLineToken(c, problems);
            optionalHttpUrl(c, problems);
            return problems;
        }
    },
    /** A PAT or installation token; {@code url} is the API base (default {@value #GITHUB_DEFAULT_URL}). */
    GITHUB {
        @Override
        List<FieldProblem> check(CredentialFields c) {
            List<FieldProblem> problems = new ArrayList<>();
            requireSingleLineToken(c, problems);
            optionalHttpUrl(c, problems);
            return problems;
        }
    },
    /** An API token (Cloud, with {@code email}: basic auth) or a PAT (Server/DC, no email: Bearer). {@code url} required. */
    JIRA {
        @Override
        List<FieldProblem> check(CredentialFields c) {
            List<FieldProblem> problems = new ArrayList<>();
            requireSingleLineToken(c, problems);
            if (c.url() == null || c.url().isBlank()) {
                problems.add(new FieldProblem("url", "is required for jira credentials (the Jira site URL)"));
            } else {
                optionalHttpUrl(c, problems);
            }
            if (c.email() != null && !c.email().isBlank() && !c.email().matches("[^@\\s]+@[^@\\s]+")) {
                problems.add(new FieldProblem("email", "is not an email address"));
            }
            return problems;
        }
    },
    /** A kubeconfig document, YAML, verbatim (never base64-guessed). */
    KUBECONFIG {
        @Override
        List<FieldProblem> check(CredentialFields c) {
            List<FieldProblem> problems = new ArrayList<>();
            if (c.token() == null || c.token().isBlank()) {
                problems.add(new FieldProblem("token", "is required (a kubeconfig document)"));
                return problems;
            }
            JsonNode doc;
            try {
                doc = YAML.readTree(c.token());
            } catch (Exception e) {
                problems.add(new FieldProblem("token", "is not a kubeconfig: it does not parse as YAML"));
                return problems;
            }
            if (doc == null || !doc.isObject()) {
                problems.add(new FieldProblem("token", "is not a kubeconfig: expected a YAML mapping"));
            } else if (!nonEmptyArray(doc, "clusters") || !nonEmptyArray(doc, "contexts")) {
                problems.add(new FieldProblem("token", "is not a kubeconfig: it needs non-empty 'clusters' and 'contexts'"));
            } else {
                for (JsonNode cluster : doc.get("clusters")) {
                    if (!cluster.path("cluster").path("server").isTextual()) {
                        problems.add(new FieldProblem("token", "is not a kubeconfig: every cluster needs 'cluster.server'"));
                        break;
                    }
                }
            }
            return problems;
        }
    },
    /**
     * JSON: an {@code authorized_user} (client_id, client_secret, refresh_token) or a {@code service_account} key
     * (client_email, private_key); {@code email} on a service account is the subject for domain-wide delegation.
     */
    GOOGLE {
        @Override
        List<FieldProblem> check(CredentialFields c) {
            List<FieldProblem> problems = new ArrayList<>();
            if (c.token() == null || c.token().isBlank()) {
                problems.add(new FieldProblem("token", "is required (authorized_user or service_account JSON)"));
                return problems;
            }
            JsonNode doc;
            try {
                doc = JSON.readTree(c.token());
            } catch (Exception e) {
                doc = null;
            }
            if (doc == null || !doc.isObject()) {
                problems.add(new FieldProblem("token", "is not JSON: expected an authorized_user or service_account document"));
                return problems;
            }
            String type = doc.path("type").asText("");
            List<String> required = switch (type) {
                case "authorized_user" -> List.of("client_id", "client_secret", "refresh_token");
                case "service_account" -> List.of("client_email", "private_key");
                default -> null;
            };
            if (required == null) {
                problems.add(new FieldProblem("token", "must have \"type\" authorized_user or service_account"));
                return problems;
            }
            for (String field : required) {
                if (!doc.path(field).isTextual() || doc.path(field).asText().isBlank()) {
                    problems.add(new FieldProblem("token", type + " JSON is missing \"" + field + "\""));
                }
            }
            return problems;
        }
    };

    public static final String GITHUB_DEFAULT_URL = "https://api.github.com";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The fields of a credential that shape validation looks at. */
    public record CredentialFields(String token, String url, String email) {
    }

    /** One problem with one field; the message never contains the field's value. */
    public record FieldProblem(String field, String message) {
    }

    abstract List<FieldProblem> check(CredentialFields c);

    /** Validates a complete credential (token present). Empty list = valid. */
    public List<FieldProblem> validate(CredentialFields c) {
        return List.copyOf(check(c));
    }

    /**
     * Validates only the non-token fields, for a patch that does not replace the token.
     * Problems about {@code token} are dropped; everything else is checked as on create.
     */
    public List<FieldProblem> validateWithoutToken(CredentialFields c) {
        return check(new CredentialFields(placeholderToken(), c.url(), c.email())).stream()
                .filter(p -> !p.field().equals("token"))
                .toList();
    }

    private String placeholderToken() {
        return switch (this) {
            case KUBECONFIG -> "clusters: [{cluster: {server: 'https://x'}}]\ncontexts: [{name: x}]";
            case GOOGLE -> "{\"type\":\"authorized_user\",\"client_id\":\"x\",\"client_secret\":\"x\",\"refresh_token\":\"x\"}";
            default -> "placeholder";
        };
    }

    private static void requireSingleLineToken(CredentialFields c, List<FieldProblem> problems) {
        if (c.token() == null || c.token().isBlank()) {
            problems.add(new FieldProblem("token", "is required"));
        } else if (c.token().strip().chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t')) {
            problems.add(new FieldProblem("token", "must be a single token without whitespace"));
        }
    }

    private static void optionalHttpUrl(CredentialFields c, List<FieldProblem> problems) {
        if (c.url() == null || c.url().isBlank()) {
            return;
        }
        try {
            java.net.URI uri = java.net.URI.create(c.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                problems.add(new FieldProblem("url", "must be an http or https URL"));
            } else if (uri.getHost() == null) {
                problems.add(new FieldProblem("url", "has no host"));
            } else if (uri.getRawUserInfo() != null) {
                problems.add(new FieldProblem("url", "must not contain user information"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("url", "is not a valid URL"));
        }
    }

    private static boolean nonEmptyArray(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n != null && n.isArray() && !n.isEmpty();
    }
}
