package io.ambientcode.credentialapi.service;

/**
 * Paging of list endpoints: {@code page} is 1-based, {@code size} between 1 and the maximum. Parsed from the raw
 * query strings so that a non-number is a 400 naming the parameter, not a framework 404.
 */
public record PageRequest(int page, int size) {

    public int offset() {
        return (page - 1) * size;
    }

    public static PageRequest parse(String page, String size, int defaultSize, int maxSize) {
        int p = parseOr(page, 1, "page", 1, 1_000_000);
        int s = parseOr(size, defaultSize, "size", 1, maxSize);
        return new PageRequest(p, s);
    }

    private static int parseOr(String raw, int fallback, String name, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        if (!raw.matches("[0-9]{1,7}")) {
            throw ApiException.badRequest(ErrorCode.INVALID_PAGING, name + " must be an integer between " + min + " and " + max, name);
        }
        int v = Integer.parseInt(raw);
        if (v < min || v > max) {
            throw ApiException.badRequest(ErrorCode.INVALID_PAGING, name + " must be an integer between " + min + " and " + max, name);
        }
        return v;
    }
}
