package io.ambientcode.credentialapi.store;

import java.sql.SQLException;

/**
 * A database failure. Keeps the SQL state (so callers can tell a unique-key violation from an outage) and, for the
 * message, only the state and vendor code: driver messages may quote parameter values.
 */
public final class StoreException extends RuntimeException {

    private final String sqlState;

    public StoreException(SQLException cause) {
        super("database error (SQLState " + cause.getSQLState() + ", vendor code " + cause.getErrorCode() + ")");
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    public boolean isUniqueViolation() {
        return SqlStates.UNIQUE_VIOLATION.equals(sqlState);
    }

    public boolean isForeignKeyViolation() {
        return SqlStates.FOREIGN_KEY_VIOLATION.equals(sqlState);
    }
}
