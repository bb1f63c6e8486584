package io.ambientcode.credentialapi.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the {@code credential_bindings} table. */
@ApplicationScoped
public class BindingStore {

    private static final String PROJECT_LEVEL = "";
    private static final String SELECT = "SELECT b.id, b.project, b.agent, b.credential_id, c.provider, b.created_by,"
            + " b.created_at FROM credential_bindings b JOIN credentials c ON c.id = b.credential_id";

    /**
     * Inserts a binding. A duplicate (same project, agent and credential) raises a unique violation, which the
     * database decides atomically, so concurrent identical requests produce exactly one row.
     */
    public void insert(Connection c, BindingRecord b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_bindings"
                + " (id, project, agent, credential_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, b.id());
            ps.setString(2, b.project());
            ps.setString(3, b.agent() == null ? PROJECT_LEVEL : b.agent());
            ps.setString(4, b.credentialId());
            ps.setString(5, b.createdBy());
            Timestamps.set(ps, 6, b.createdAt());
            ps.executeUpdate();
        }
    }

    public Optional<BindingRecord> find(Connection c, String project, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE b.project = ? AND b.id = ?")) {
            ps.setString(1, project);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** A page of a project's bindings, oldest first. */
    public PageSlice<BindingRecord> list(Connection c, String project, int offset, int limit) throws SQLException {
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM credential_bindings WHERE project = ?")) {
            ps.setString(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<BindingRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE b.project = ? ORDER BY b.created_at, b.id LIMIT ? OFFSET ?")) {
            ps.setString(1, project);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
        }
        return new PageSlice<>(rows, total);
    }

    /** Every binding that can apply to a session of this project and agent: project-level, and that agent's. */
    public List<BindingRecord> applicable(Connection c, String project, String agent) throws SQLException {
        List<BindingRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE b.project = ? AND (b.agent = ? OR b.agent = ?) ORDER BY b.created_at, b.id")) {
            ps.setString(1, project);
            ps.setString(2, PROJECT_LEVEL);
            ps.setString(3, agent == null ? PROJECT_LEVEL : agent);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
        }
        return rows;
    }

    public boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM credential_bindings WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The bindings of one credential, for audit before a forced delete. */
    public List<BindingRecord> forCredential(Connection c, String credentialId) throws SQLException {
        List<BindingRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE b.credential_id = ? ORDER BY b.created_at, b.id")) {
            ps.setString(1, credentialId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
        }
        return rows;
    }

    public int deleteForCredential(Connection c, String credentialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM credential_bindings WHERE credential_id = ?")) {
            ps.setString(1, credentialId);
            return ps.executeUpdate();
        }
    }

    private static BindingRecord map(ResultSet rs) throws SQLException {
        String agent = rs.getString("agent");
        return new BindingRecord(
                rs.getString("id"),
                rs.getString("project"),
                agent == null || agent.isEmpty() ? null : agent,
                rs.getString("credential_id"),
                rs.getString("provider"),
                rs.getString("created_by"),
                Timestamps.get(rs, "created_at"));
    }
}
