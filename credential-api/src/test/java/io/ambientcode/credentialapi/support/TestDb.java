package io.ambientcode.credentialapi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Direct JDBC to the test's own PostgreSQL schema (real server at 127.0.0.1:5432, database {@code test}), for
 * looking at and tampering with raw rows behind the service's back.
 */
public final class TestDb {

    public static final String BASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private TestDb() {
    }

    public static String url(String schema) {
        return BASE_URL + "?currentSchema=" + schema + "&ApplicationName=credential-api-tests";
    }

    /** Drops and recreates a schema, so every run starts empty. */
    public static void resetSchema(String schema) {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset test schema " + schema + " on " + BASE_URL, e);
        }
    }

    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema), USER, "");
    }

    public static Connection connect() throws SQLException {
        return connect(TestEnvironment.SCHEMA);
    }

    public static Optional<String> storedToken(String credentialId) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT token FROM credentials WHERE id = ?")) {
            ps.setString(1, credentialId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void setStoredToken(String credentialId, String value) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("UPDATE credentials SET token = ? WHERE id = ?")) {
            ps.setString(1, value);
            ps.setString(2, credentialId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no credential " + credentialId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a table as text, in a stable order: a fingerprint to prove a request changed nothing. */
    public static List<String> snapshot(String table) {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    public static long count(String sql, String... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
