package io.ambientcode.sidecar.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.contracts.url.UrlPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The validated start-up contract of a credential sidecar (ARCHITECTURE.md section 7, names in {@link SidecarEnv}).
 * {@link #parse} is a pure function of a variable lookup plus the proof file, so every rule is tested directly;
 * {@link EnvironmentValidator} runs it before the HTTP port opens and stops the process when it fails (I6).
 *
 * @param proof the proof secret read from {@code AMBIENT_SIDECAR_PROOF_FILE}; never logged ({@link #toString()})
 */
public record SidecarEnvironment(
        String sessionId,
        Provider provider,
        String credentialId,
        URI apiUrl,
        URI tokenUrl,
        RSAPublicKey exchangeKey,
        String proof,
        boolean readOnly,
        boolean disableDestructive,
        Set<String> allowedTools,
        Set<String> excludedTools) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads and validates every variable.
     *
     * @param lookup    the variable source (the process environment, or Quarkus config in tests)
     * @param expected  the provider this sidecar binary serves; {@code CREDENTIAL_PROVIDER} must name it
     * @throws InvalidEnvironmentException naming the first variable that is missing or invalid
     */
    public static SidecarEnvironment parse(Function<String, Optional<String>> lookup, Provider expected) {
        String sessionId = required(lookup, SidecarEnv.SESSION_ID);
        if (!ExchangeAssertion.SESSION_ID.matcher(sessionId).matches()) {
            throw new InvalidEnvironmentException(SidecarEnv.SESSION_ID, "must match " + ExchangeAssertion.SESSION_ID.pattern());
        }
        String providerId = required(lookup, SidecarEnv.CREDENTIAL_PROVIDER);
        if (!providerId.equals(expected.id())) {
            throw new InvalidEnvironmentException(SidecarEnv.CREDENTIAL_PROVIDER,
                    "this sidecar serves '" + expected.id() + "', not '" + providerId + "'");
        }
        String credentialId = credentialId(required(lookup, SidecarEnv.CREDENTIAL_IDS), expected);

        boolean allowExternal = bool(lookup, SidecarEnv.AMBIENT_ALLOW_EXTERNAL_API);
        UrlPolicy policy = UrlPolicy.of(allowExternal);
        URI apiUrl = url(policy, SidecarEnv.AMBIENT_API_URL, required(lookup, SidecarEnv.AMBIENT_API_URL));
        URI tokenUrl = url(policy, SidecarEnv.AMBIENT_CP_TOKEN_URL, required(lookup, SidecarEnv.AMBIENT_CP_TOKEN_URL));

        RSAPublicKey key;
        try {
            key = Pem.parseRsaPublicKey(required(lookup, SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY));
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvironmentException(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, e.getMessage());
        }
        if (key.getModulus().bitLength() < io.ambientcode.contracts.exchange.ExchangeCodec.MIN_EXCHANGE_KEY_BITS) {
            // The v2 assertion does not fit the OAEP limit of smaller keys; say so now, not at the first exchange.
            throw new InvalidEnvironmentException(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY,
                    "RSA key of " + key.getModulus().bitLength() + " bits is too small (at least "
                    + io.ambientcode.contracts.exchange.ExchangeCodec.MIN_EXCHANGE_KEY_BITS + ", normally 4096)");
        }

        String proof = proof(required(lookup, SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE));

        return new SidecarEnvironment(sessionId, expected, credentialId, apiUrl, tokenUrl, key, proof,
                bool(lookup, SidecarEnv.MCP_READ_ONLY),
                bool(lookup, SidecarEnv.MCP_DISABLE_DESTRUCTIVE),
                names(lookup, SidecarEnv.MCP_TOOLS),
                names(lookup, SidecarEnv.MCP_EXCLUDE_TOOLS));
    }

    /** The credential API URL this sidecar reads its one credential from. */
    public URI credentialTokenUrl() {
        String base = apiUrl.toString().replaceAll("/+$", "");
        return URI.create(base + CredentialApiPaths.token(credentialId));
    }

    @Override
    public String toString() {
        return "SidecarEnvironment[session=" + sessionId + ", provider=" + provider.id() + ", credential=" + credentialId
                + ", api=" + apiUrl + ", tokenUrl=" + tokenUrl + ", readOnly=" + readOnly + ", disableDestructive="
                + disableDestructive + ", tools=" + allowedTools + ", excludeTools=" + excludedTools + ", proof=<hidden>]";
    }

    private static String required(Function<String, Optional<String>> lookup, String name) {
        return lookup.apply(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new InvalidEnvironmentException(name, "is required"));
    }

    private static String credentialId(String json, Provider expected) {
        String name = SidecarEnv.CREDENTIAL_IDS;
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidEnvironmentException(name, "is not JSON (expected {\"" + expected.id() + "\":\"<id>\"})");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEnvironmentException(name, "must be a JSON object {\"" + expected.id() + "\":\"<id>\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            String provider = it.next().getKey();
            if (!provider.equals(expected.id())) {
                // A sidecar only ever receives its own entry; anything else means a mis-built pod.
                throw new InvalidEnvironmentException(name, "holds an entry for '" + provider
                        + "'; a " + expected.id() + " sidecar must receive only its own provider");
            }
        }
        JsonNode id = root.get(expected.id());
        if (id == null || !id.isTextual()) {
            throw new InvalidEnvironmentException(name, "has no string entry for '" + expected.id() + "'");
        }
        if (!CredentialApiPaths.CREDENTIAL_ID.matcher(id.textValue()).matches()) {
            throw new InvalidEnvironmentException(name, "entry for '" + expected.id() + "' is not a credential id ("
                    + CredentialApiPaths.CREDENTIAL_ID.pattern() + ")");
        }
        return id.textValue();
    }

    private static URI url(UrlPolicy policy, String name, String value) {
        try {
            return policy.check(name, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvironmentException(name, e.getMessage());
        }
    }

    private static String proof(String file) {
        String name = SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE;
        String value;
        try {
            value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new InvalidEnvironmentException(name, "cannot read the proof file " + file);
        }
        if (!ExchangeAssertion.PROOF.matcher(value).matches()) {
            throw new InvalidEnvironmentException(name, "the proof file " + file + " does not hold a base64url proof");
        }
        return value;
    }

    private static boolean bool(Function<String, Optional<String>> lookup, String name) {
        Optional<String> value = lookup.apply(name).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidEnvironmentException(name, "must be true or false");
        };
    }

    private static Set<String> names(Function<String, Optional<String>> lookup, String name) {
        Set<String> out = new LinkedHashSet<>();
        lookup.apply(name).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add));
        for (String tool : out) {
            if (!tool.matches("[A-Za-z0-9_.-]{1,128}")) {
                throw new InvalidEnvironmentException(name, "'" + tool + "' is not a tool name");
            }
        }
        return Set.copyOf(out);
    }
}
