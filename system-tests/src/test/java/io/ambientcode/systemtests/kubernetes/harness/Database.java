package io.ambientcode.systemtests.kubernetes.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The credential API's own database on a PostgreSQL server reached over TCP with trust auth (user postgres), fresh for
 * every run: by default the machine's server on 127.0.0.1:5432; the resilience tests use a private server of their own.
 */
public final class Database {

    /** The Kubernetes path's database on the machine's PostgreSQL. */
    public static final Database SYSTEM_TESTS = onLocalServer("ambient_system_tests");

    private static final String USER = "postgres";

    private final String host;
    private final int port;
    private final String name;

    private Database(String host, int port, String name) {
        this.host = host;
        this.port = port;
        this.name = name;
    }

    /** Database {@code name} on the machine's PostgreSQL, 127.0.0.1:5432. */
    public static Database onLocalServer(String name) {
        return on("127.0.0.1", 5432, name);
    }

    public static Database on(String host, int port, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + name);
        }
        return new Database(host, port, name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?ApplicationName=system-tests-credential-api";
    }

    public String user() {
        return USER;
    }

    /** Drops (forcing other sessions off) and creates the database. */
    public void recreate() {
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " (user postgres, trust) is needed: "
                    + e.getMessage(), e);
        }
    }

    /** The stored (encrypted) token column of every credential, to show that no plaintext token is at rest. */
    public List<String> storedTokens() {
        return column("SELECT token FROM credentials");
    }

    /** The ids of every credential row. */
    public List<String> credentialIds() {
        return column("SELECT id FROM credentials");
    }

    private List<String> column(String query) {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, ""); Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
