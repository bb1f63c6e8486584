package io.ambientcode.systemtests.kubernetes.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The credential API's own database on the local PostgreSQL (127.0.0.1:5432, trust auth), fresh for every run. */
public final class Database {

    public static final String NAME = "ambient_system_tests";
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String USER = "postgres";

    private Database() {
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + NAME + "?ApplicationName=system-tests-credential-api";
    }

    public static String user() {
        return USER;
    }

    public static void recreate() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (user postgres, trust) is needed: " + e.getMessage(), e);
        }
    }

    /** The stored (encrypted) token column of every credential, to show that no plaintext token is at rest. */
    public static java.util.List<String> storedTokens() {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, ""); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT token FROM credentials")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
