package io.ambientcode.controlplane.local;

/** A request the local runtime refuses: {@code status} and {@code code} become the problem+json answer. */
public class LocalSessionException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public LocalSessionException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static LocalSessionException notFound(String name) {
        return new LocalSessionException(404, "not_found", "session " + name + " not found", null);
    }

    public static LocalSessionException conflict(String name) {
        return new LocalSessionException(409, "already_exists", "a session named " + name + " exists already", "metadata.name");
    }

    public static LocalSessionException invalid(String message, String field) {
        return new LocalSessionException(422, "invalid_session", message, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
