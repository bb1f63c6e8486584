package io.ambientcode.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The one error shape of every service: RFC 9457 {@code application/problem+json} plus a stable {@code code} and,
 * for input errors, the offending {@code field}. {@code detail} never contains secrets or upstream bodies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "code", "detail", "field" })
public record Problem(String type, String title, int status, String code, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ambient-code.io/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, title, status, code, detail, null);
    }

    public static Problem ofField(int status, String code, String title, String detail, String field) {
        return new Problem(TYPE_BASE + code, title, status, code, detail, field);
    }
}
