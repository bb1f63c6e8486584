package io.ambientcode.credentialapi.store;

import java.sql.SQLException;

/** The SQL states this service reacts to; PostgreSQL and H2 use the standard codes. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 reports a foreign-key violation on the referenced side (a delete of a row still referenced) as 23503 too. */
    private static final String H2_REFERENCED_ROW_VIOLATION = "23504";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    public static boolean isForeignKeyViolation(SQLException e) {
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState()) || H2_REFERENCED_ROW_VIOLATION.equals(e.getSQLState());
    }
}
