package io.ambientcode.contracts.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.provider.Provider;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds and reads the token-exchange {@code Authorization} header (ARCHITECTURE.md section 4):
 * {@code Bearer base64(RSA-OAEP(SHA-256, MGF1-SHA-256, empty label)(UTF-8 JSON))}, standard padded base64,
 * plaintext at most {@value #MAX_PLAINTEXT_BYTES} bytes. Pure functions; both sides of the protocol use them.
 */
public final class ExchangeCodec {

    /** Exchange keys smaller than this are refused by sidecars and the control plane (4096 is what we generate). */
    public static final int MIN_EXCHANGE_KEY_BITS = 3072;
    /** OAEP limit of an RSA-4096 key with SHA-256. */
    public static final int MAX_PLAINTEXT_BYTES = 446;
    public static final String BEARER_PREFIX = "Bearer ";
    /** Ciphertexts of keys up to 8192 bits fit; anything longer is refused before decoding. */
    public static final int MAX_ENCODED_LENGTH = 1368;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STANDARD_BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Set<String> FIELDS = Set.of("v", "sid", "prv", "iat", "nonce", "proof", "epk");

    private ExchangeCodec() {
    }

    // ---- client side -------------------------------------------------------------------------------------------

    /** The UTF-8 JSON plaintext of an assertion; refuses one over {@value #MAX_PLAINTEXT_BYTES} bytes. */
    public static byte[] plaintext(ExchangeAssertion assertion) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(assertion);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an exchange assertion", e);
        }
        if (bytes.length > MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("exchange assertion is " + bytes.length + " bytes; the limit is "
                    + MAX_PLAINTEXT_BYTES);
        }
        return bytes;
    }

    /** The full header value, {@code "Bearer <base64>"}. */
    public static String authorizationHeader(ExchangeAssertion assertion, PublicKey exchangeKey) {
        return BEARER_PREFIX + Base64.getEncoder().encodeToString(RsaOaep.encrypt(exchangeKey, plaintext(assertion)));
    }

    // ---- server side -------------------------------------------------------------------------------------------

    /**
     * Check 1 of the protocol: the header is present, is {@code Bearer <standard base64>}, and decrypts with one of
     * the given keys (current first, then a previous key in its grace period). Returns the plaintext.
     */
    public static byte[] decryptHeader(String authorization, List<PrivateKey> keys) throws ExchangeException {
        if (authorization == null) {
            throw new ExchangeException(ExchangeError.INVALID_ASSERTION, "no Authorization header");
        }
        if (!authorization.startsWith(BEARER_PREFIX)) {
            throw new ExchangeException(ExchangeError.INVALID_ASSERTION, "Authorization is not a Bearer credential");
        }
        String encoded = authorization.substring(BEARER_PREFIX.length());
        if (encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH || encoded.length() % 4 != 0
                || !STANDARD_BASE64.matcher(encoded).matches()) {
            throw new ExchangeException(ExchangeError.INVALID_ASSERTION, "assertion is not padded standard base64");
        }
        byte[] ciphertext = Base64.getDecoder().decode(encoded);
        for (PrivateKey key : keys) {
            try {
                return RsaOaep.decrypt(key, ciphertext);
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next key; none matching is reported below without detail
            }
        }
        throw new ExchangeException(ExchangeError.INVALID_ASSERTION, "assertion does not decrypt with the exchange key");
    }

    /**
     * Check 2 of the protocol: the plaintext is a well-formed v2 assertion. A plaintext that is not a JSON object at
     * all is the legacy v1 form (an encrypted bare session id) and is refused as such.
     */
    public static ExchangeAssertion parse(byte[] plaintext) throws ExchangeException {
        if (plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw malformed("assertion longer than " + MAX_PLAINTEXT_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("assertion is not UTF-8");
        }
        if (!text.stripLeading().startsWith("{")) {
            throw new ExchangeException(ExchangeError.LEGACY_EXCHANGE_DISABLED,
                    "v1 exchange (bare session id) is disabled; use the v2 assertion");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("assertion is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("assertion is not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw malformed("unknown field '" + name + "'");
            }
        }
        JsonNode v = root.get("v");
        if (v == null || !v.isInt() || v.intValue() != ExchangeAssertion.VERSION) {
            throw malformed("field 'v' must be 2");
        }
        String sid = text(root, "sid", ExchangeAssertion.SESSION_ID);
        String prv = requiredText(root, "prv");
        if (Provider.byId(prv).isEmpty()) {
            throw malformed("field 'prv' is not a known provider");
        }
        JsonNode iat = root.get("iat");
        if (iat == null || !iat.canConvertToLong() || !iat.isIntegralNumber() || iat.longValue() < 0) {
            throw malformed("field 'iat' must be epoch seconds");
        }
        String nonce = text(root, "nonce", ExchangeAssertion.NONCE);
        String proof = text(root, "proof", ExchangeAssertion.PROOF);
        JsonNode epkNode = root.get("epk");
        if (epkNode == null || !epkNode.isObject()) {
            throw malformed("field 'epk' must be a JWK object");
        }
        EcPublicJwk epk;
        try {
            epk = EcPublicJwk.fromMap(JSON.convertValue((ObjectNode) epkNode, Map.class));
        } catch (IllegalArgumentException e) {
            throw malformed("field 'epk' is not a P-256 public JWK");
        }
        return new ExchangeAssertion(v.intValue(), sid, prv, iat.longValue(), nonce, proof, epk);
    }

    private static String text(JsonNode root, String field, Pattern shape) throws ExchangeException {
        String value = requiredText(root, field);
        if (!shape.matcher(value).matches()) {
            throw malformed("field '" + field + "' is not well-formed");
        }
        return value;
    }

    private static String requiredText(JsonNode root, String field) throws ExchangeException {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw malformed("field '" + field + "' is missing or not a string");
        }
        return node.textValue();
    }

    private static ExchangeException malformed(String detail) {
        return new ExchangeException(ExchangeError.MALFORMED_ASSERTION, detail);
    }
}
