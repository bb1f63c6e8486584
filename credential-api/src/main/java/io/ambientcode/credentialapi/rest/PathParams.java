package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import io.ambientcode.credentialapi.service.ApiException;
import io.ambientcode.credentialapi.service.Names;
import java.util.OptionalLong;

/** Validation of path, query and header parameters; errors name the parameter and never echo its value. */
final class PathParams {

    private PathParams() {
    }

    static String id(String value, String name) {
        if (!Names.isId(value)) {
            throw ApiException.badRequest(ErrorCode.INVALID_PATH_PARAMETER, name + " is not a valid id", name);
        }
        return value;
    }

    static String name(String value, String name) {
        if (!Names.isName(value)) {
            throw ApiException.badRequest(ErrorCode.INVALID_PATH_PARAMETER, name + " must match " + Names.NAME.pattern(), name);
        }
        return value;
    }

    static String optionalQueryName(String value, String name) {
        if (value == null) {
            return null;
        }
        if (!Names.isName(value)) {
            throw ApiException.badRequest(ErrorCode.INVALID_QUERY_PARAMETER, name + " must match " + Names.NAME.pattern(), name);
        }
        return value;
    }

    static boolean flag(String value, String name) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest(ErrorCode.INVALID_QUERY_PARAMETER, name + " must be true or false", name);
    }

    /** {@code If-Match: "v<version>"} (weak or strong); absent → empty. */
    static OptionalLong ifMatch(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        String h = header.strip();
        if (h.startsWith("W/")) {
            h = h.substring(2);
        }
        if (!h.matches("\"v[0-9]{1,18}\"")) {
            throw ApiException.badRequest(ErrorCode.INVALID_HEADER, "If-Match must be an ETag of this API, e.g. \"v3\"", "If-Match");
        }
        return OptionalLong.of(Long.parseLong(h.substring(2, h.length() - 1)));
    }
}
