package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.credentialapi.service.ApiException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Strict reading of JSON request bodies: size limit, well-formed JSON, an object, no duplicate keys, no unknown
 * fields, exact types. Every error names the field and never quotes a value (a body may carry a secret).
 */
final class JsonInput {

    /** Strict parser: duplicate keys are an error; nesting and string sizes bounded. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1 << 20)
                .maxNumberLength(100)
                .build());
    }

    private static final String SAFE_FIELD_NAME = "[A-Za-z0-9_.-]{1,64}";

    private JsonInput() {
    }

    /** Parses a body that must be a JSON object of at most {@code maxBytes}. */
    static ObjectNode object(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest(ErrorCode.MALFORMED_JSON, "a JSON object body is required", null);
        }
        if (body.length > maxBytes) {
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, "request bodies are limited to " + maxBytes + " bytes", null);
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(ErrorCode.MALFORMED_JSON, "the body is not well-formed JSON"
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")" : ""), null);
        } catch (IOException e) {
            throw ApiException.badRequest(ErrorCode.MALFORMED_JSON, "the body could not be read", null);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(ErrorCode.MALFORMED_JSON, "the body must be a JSON object", null);
        }
        return (ObjectNode) node;
    }

    /** Rejects the first field not in {@code allowed}; fields in {@code readOnly} get their own code. */
    static void onlyFields(ObjectNode body, Set<String> allowed, Set<String> readOnly) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            if (readOnly.contains(name)) {
                throw ApiException.badRequest(ErrorCode.READ_ONLY_FIELD, name + " cannot be set by a request", name);
            }
            String shown = name.matches(SAFE_FIELD_NAME) ? name : "(unprintable field name)";
            throw ApiException.badRequest(ErrorCode.UNKNOWN_FIELD, "unknown field " + shown, shown);
        }
    }

    /** A string field: null if absent or JSON null, 400 if another type, too long, or holding control characters. */
    static String string(ObjectNode body, String field, int maxLength, boolean multiline) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, field + " must be a string", field);
        }
        String s = v.textValue();
        if (s.length() > maxLength) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, field + " is longer than " + maxLength + " characters", field);
        }
        boolean badControl = s.chars().anyMatch(ch -> ch < 0x20 && !(multiline && (ch == '\n' || ch == '\r' || ch == '\t'))
                || ch == 0x7f);
        if (badControl) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, field + " contains control characters", field);
        }
        return s;
    }

    /** A string field that must be present and non-blank. */
    static String requiredString(ObjectNode body, String field, int maxLength, boolean multiline) {
        String s = string(body, field, maxLength, multiline);
        if (s == null || s.isBlank()) {
            throw ApiException.badRequest(ErrorCode.MISSING_FIELD, field + " is required", field);
        }
        return s;
    }

    /** An object field, returned as compact JSON text; null if absent or JSON null. */
    static String objectText(ObjectNode body, String field, int maxChars) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, field + " must be a JSON object", field);
        }
        String text = v.toString();
        if (text.length() > maxChars) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, field + " is larger than " + maxChars + " characters", field);
        }
        return text;
    }

    static boolean present(ObjectNode body, String field) {
        return body.has(field);
    }
}
