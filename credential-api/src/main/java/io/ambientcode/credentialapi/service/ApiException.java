package io.ambientcode.credentialapi.service;

import io.ambientcode.contracts.problem.Problem;

/**
 * A request that ends in a client-visible error: an HTTP status, a stable {@code code}, a value-free {@code detail}
 * and, for input errors, the offending {@code field}. Rendered as {@code application/problem+json}.
 */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String detail, String field) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(ErrorCode code, String detail, String field) {
        if (code.status() != 400) {
            throw new IllegalArgumentException(code + " is not a 400");
        }
        return new ApiException(code, detail, field);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.FORBIDDEN, detail, null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found", null);
    }

    public static ApiException conflict(ErrorCode code, String detail) {
        if (code.status() != 409) {
            throw new IllegalArgumentException(code + " is not a 409");
        }
        return new ApiException(code, detail, null);
    }

    public int status() {
        return code.status();
    }

    public String code() {
        return code.code();
    }

    public ErrorCode errorCode() {
        return code;
    }

    public String field() {
        return field;
    }

    public Problem toProblem() {
        return Problem.ofField(code.status(), code.code(), titleFor(code.status()), getMessage(), field);
    }

    /** The RFC 9110 reason phrase, used as the problem title. */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
