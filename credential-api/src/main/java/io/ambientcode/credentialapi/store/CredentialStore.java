package io.ambientcode.credentialapi.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** SQL for the {@code credentials} table. Every statement is parameterized; no caller text is ever concatenated. */
@ApplicationScoped
public class CredentialStore {

    private static final String COLUMNS = "id, owner_subject, name, provider, description, url, email, metadata, token,"
            + " token_set_at, created_at, updated_at, version";

    /** Which credentials a list may show: all of them, or those owned by a subject or bound to one of some projects. */
    public record Visibility(boolean all, String owner, Set<String> projects) {

        public static Visibility everything() {
            return new Visibility(true, null, Set.of());
        }

        public static Visibility of(String owner, Set<String> projects) {
            return new Visibility(false, owner, Set.copyOf(projects));
        }
    }

    /** A credential with whether it is bound (project-level or to any agent) in one project: what a token read needs. */
    public record TokenReadView(CredentialRecord credential, boolean boundInProject) {
    }

    /** The id and stored value of one row, for key-version scans. */
    public record StoredToken(String id, String sealedToken) {
        @Override
        public String toString() {
            return "StoredToken[id=" + id + "]";
        }
    }

    public void insert(Connection c, CredentialRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credentials (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.owner());
            ps.setString(3, r.name());
            ps.setString(4, r.provider());
            ps.setString(5, r.description());
            ps.setString(6, r.url());
            ps.setString(7, r.email());
            ps.setString(8, r.metadataJson());
            ps.setString(9, r.sealedToken());
            Timestamps.set(ps, 10, r.tokenSetAt());
            Timestamps.set(ps, 11, r.createdAt());
            Timestamps.set(ps, 12, r.updatedAt());
            ps.setLong(13, r.version());
            ps.executeUpdate();
        }
    }

    public Optional<CredentialRecord> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM credentials WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The credential and whether a binding of it to the project exists, in one statement (the token-read path). */
    public Optional<TokenReadView> findForTokenRead(Connection c, String id, String project) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", EXISTS (SELECT 1 FROM credential_bindings b"
                + " WHERE b.credential_id = credentials.id AND b.project = ?) AS bound FROM credentials WHERE id = ?")) {
            ps.setString(1, project);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TokenReadView(map(rs), rs.getBoolean("bound"))) : Optional.empty();
            }
        }
    }

    /**
     * Writes a changed row if nobody else changed it since it was read ({@code version = expectedVersion}).
     * The token columns are written only when {@code tokenChanged}, so a metadata patch never touches the ciphertext.
     *
     * @return false when the row is gone or was changed concurrently
     */
    public boolean update(Connection c, CredentialRecord r, long expectedVersion, boolean tokenChanged) throws SQLException {
        String sql = "UPDATE credentials SET name = ?, description = ?, url = ?, email = ?, metadata = ?,"
                + (tokenChanged ? " token = ?, token_set_at = ?," : "")
                + " updated_at = ?, version = ? WHERE id = ? AND version = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, r.name());
            ps.setString(i++, r.description());
            ps.setString(i++, r.url());
            ps.setString(i++, r.email());
            ps.setString(i++, r.metadataJson());
            if (tokenChanged) {
                ps.setString(i++, r.sealedToken());
                Timestamps.set(ps, i++, r.tokenSetAt());
            }
            Timestamps.set(ps, i++, r.updatedAt());
            ps.setLong(i++, r.version());
            ps.setString(i++, r.id());
            ps.setLong(i, expectedVersion);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM credentials WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The projects a credential is bound in (at project or agent level). */
    public Set<String> boundProjects(Connection c, String id) throws SQLException {
        Set<String> projects = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT project FROM credential_bindings WHERE credential_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    projects.add(rs.getString(1));
                }
            }
        }
        return projects;
    }

    /** A page of visible credentials, oldest first, optionally of one provider. */
    public PageSlice<CredentialRecord> list(Connection c, Visibility visibility, Optional<String> provider, int offset,
            int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!visibility.all()) {
            where.append(" AND (owner_subject = ?");
            params.add(visibility.owner());
            if (!visibility.projects().isEmpty()) {
                where.append(" OR id IN (SELECT credential_id FROM credential_bindings WHERE project IN (")
                        .append(placeholders(visibility.projects()))
                        .append("))");
                params.addAll(new TreeSet<>(visibility.projects()));
            }
            where.append(")");
        }
        provider.ifPresent(p -> {
            where.append(" AND provider = ?");
            params.add(p);
        });
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM credentials" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<CredentialRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM credentials" + where
                + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
            int next = bind(ps, params);
            ps.setInt(next++, limit);
            ps.setInt(next, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
        }
        return new PageSlice<>(rows, total);
    }

    /** Up to {@code limit} stored values with ids greater than {@code afterId}, in id order (keyset paging). */
    public List<StoredToken> tokensAfter(Connection c, String afterId, int limit) throws SQLException {
        List<StoredToken> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, token FROM credentials WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredToken(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return rows;
    }

    /** Visits every stored value (streamed), for the start-up key-version check. */
    public void forEachToken(Connection c, Consumer<StoredToken> visitor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, token FROM credentials")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.accept(new StoredToken(rs.getString(1), rs.getString(2)));
                }
            }
        }
    }

    /** Replaces a stored value if it is still the one that was read (compare-and-set); re-encryption only. */
    public boolean replaceToken(Connection c, String id, String expected, String replacement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE credentials SET token = ? WHERE id = ? AND token = ?")) {
            ps.setString(1, replacement);
            ps.setString(2, id);
            ps.setString(3, expected);
            return ps.executeUpdate() == 1;
        }
    }

    static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setString(i++, (String) p);
        }
        return i;
    }

    private static CredentialRecord map(ResultSet rs) throws SQLException {
        return new CredentialRecord(
                rs.getString("id"),
                rs.getString("owner_subject"),
                rs.getString("name"),
                rs.getString("provider"),
                rs.getString("description"),
                rs.getString("url"),
                rs.getString("email"),
                rs.getString("metadata"),
                rs.getString("token"),
                Timestamps.get(rs, "token_set_at"),
                Timestamps.get(rs, "created_at"),
                Timestamps.get(rs, "updated_at"),
                rs.getLong("version"));
    }
}
