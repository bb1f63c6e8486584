package io.ambientcode.sidecar.k8s.kubeconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every secret value inside a kubeconfig document, for the redactor (the whole document is hidden by the runtime
 * already): each user's {@code token}, {@code password}, {@code client-key-data} and {@code client-certificate-data}
 * (also decoded, and the decoded PEM bodies on one line), auth-provider secrets ({@code access-token},
 * {@code id-token}, {@code refresh-token}, {@code client-secret}, any key naming a secret or token) and exec
 * environment values. Tolerant: a document that does not parse yields what could be read (nothing). Pure.
 */
public final class KubeconfigSecrets {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubeconfigSecrets() {
    }

    public static List<String> fragments(String document) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode root;
        try {
            root = document == null ? null : YAML.readTree(document);
        } catch (Exception e) {
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        for (JsonNode named : root.path("users")) {
            JsonNode user = named.path("user");
            add(out, user.path("token"));
            add(out, user.path("password"));
            for (String field : new String[] { "client-key-data", "client-certificate-data" }) {
                JsonNode v = user.path(field);
                add(out, v);
                if (v.isTextual()) {
                    decoded(v.textValue(), out);
                }
            }
            JsonNode provider = user.path("auth-provider").path("config");
            provider.fields().forEachRemaining(e -> {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                if (key.contains("token") || key.contains("secret") || key.contains("password")) {
                    add(out, e.getValue());
                }
            });
            for (JsonNode env : user.path("exec").path("env")) {
                add(out, env.path("value"));
            }
        }
        return new ArrayList<>(out);
    }

    private static void add(Set<String> out, JsonNode v) {
        if (v != null && v.isTextual() && !v.textValue().isBlank()) {
            out.add(v.textValue());
        }
    }

    /** The PEM text behind a {@code *-data} field, and each PEM body on one line (base64 DER). */
    private static void decoded(String base64, Set<String> out) {
        String pem;
        try {
            pem = new String(Base64.getMimeDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!pem.contains("-----BEGIN")) {
            return;
        }
        out.add(pem);
        StringBuilder body = null;
        for (String line : pem.split("\\R")) {
            if (line.startsWith("-----BEGIN")) {
                body = new StringBuilder();
            } else if (line.startsWith("-----END")) {
                if (body != null && body.length() > 0) {
                    out.add(body.toString());
                }
                body = null;
            } else if (body != null) {
                body.append(line.strip());
                if (!line.isBlank()) {
                    out.add(line.strip()); // a single line of the PEM body, as a partial echo would show it
                }
            }
        }
    }
}
