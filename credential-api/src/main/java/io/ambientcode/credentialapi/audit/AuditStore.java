package io.ambientcode.credentialapi.audit;

import io.ambientcode.credentialapi.store.PageSlice;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** SQL for the {@code audit_events} table. */
@ApplicationScoped
public class AuditStore {

    public void insert(Connection c, AuditEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (id, occurred_at, credential_id, action,"
                + " outcome, reason, actor_kind, actor, session_id, provider, project, agent, binding_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            ps.setObject(2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
            ps.setString(3, e.credentialId());
            ps.setString(4, e.action().wire());
            ps.setString(5, e.outcome().wire());
            ps.setString(6, e.reason());
            ps.setString(7, e.actorKind());
            ps.setString(8, e.actor());
            ps.setString(9, e.sessionId());
            ps.setString(10, e.provider());
            ps.setString(11, e.project());
            ps.setString(12, e.agent());
            ps.setString(13, e.bindingId());
            ps.executeUpdate();
        }
    }

    /** A page of one credential's events, newest first. */
    public PageSlice<AuditEvent> list(Connection c, String credentialId, int offset, int limit) throws SQLException {
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_events WHERE credential_id = ?")) {
            ps.setString(1, credentialId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<AuditEvent> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, credential_id, action, outcome, reason,"
                + " actor_kind, actor, session_id, provider, project, agent, binding_id FROM audit_events"
                + " WHERE credential_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
            ps.setString(1, credentialId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditEvent(
                            rs.getString("id"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            rs.getString("credential_id"),
                            action(rs.getString("action")),
                            outcome(rs.getString("outcome")),
                            rs.getString("reason"),
                            rs.getString("actor_kind"),
                            rs.getString("actor"),
                            rs.getString("session_id"),
                            rs.getString("provider"),
                            rs.getString("project"),
                            rs.getString("agent"),
                            rs.getString("binding_id")));
                }
            }
        }
        return new PageSlice<>(rows, total);
    }

    private static AuditAction action(String wire) {
        for (AuditAction a : AuditAction.values()) {
            if (a.wire().equals(wire)) {
                return a;
            }
        }
        throw new IllegalStateException("unknown audit action in the database");
    }

    private static AuditOutcome outcome(String wire) {
        for (AuditOutcome o : AuditOutcome.values()) {
            if (o.wire().equals(wire)) {
                return o;
            }
        }
        throw new IllegalStateException("unknown audit outcome in the database");
    }
}
