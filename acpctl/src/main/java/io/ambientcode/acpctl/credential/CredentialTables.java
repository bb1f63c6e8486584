package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.output.Table;
import java.util.List;

/** How credentials, bindings and audit entries look as tables. No token column exists: there is no token to show. */
final class CredentialTables {

    private CredentialTables() {
    }

    static Table credentials(List<Credential> list) {
        Table t = Table.of("ID", "NAME", "PROVIDER", "URL", "OWNER", "UPDATED");
        list.forEach(c -> t.row(c.id(), c.name(), c.provider(), c.url(), c.owner(), seconds(c.updatedAt())));
        return t;
    }

    static Table credential(Credential c) {
        return Table.details()
                .field("id", c.id())
                .field("name", c.name())
                .field("provider", c.provider())
                .field("description", c.description())
                .field("url", c.url())
                .field("email", c.email())
                .field("metadata", c.metadata() == null || c.metadata().isEmpty() ? null : c.metadata().toString())
                .field("owner", c.owner())
                .field("created-at", seconds(c.createdAt()))
                .field("updated-at", seconds(c.updatedAt()))
                .field("token-set-at", seconds(c.tokenSetAt()));
    }

    static Table bindings(List<Binding> list) {
        Table t = Table.of("ID", "PROJECT", "AGENT", "CREDENTIAL", "PROVIDER", "CREATED-BY", "CREATED");
        list.forEach(b -> t.row(b.id(), b.project(), b.agent() == null ? "(all)" : b.agent(), b.credentialId(),
                b.provider(), b.createdBy(), seconds(b.createdAt())));
        return t;
    }

    static Table binding(Binding b) {
        return Table.details()
                .field("id", b.id())
                .field("project", b.project())
                .field("agent", b.agent() == null ? "(all agents)" : b.agent())
                .field("credential", b.credentialId())
                .field("provider", b.provider())
                .field("created-by", b.createdBy())
                .field("created-at", seconds(b.createdAt()));
    }

    static Table audit(List<AuditEntry> list) {
        Table t = Table.of("AT", "ACTION", "OUTCOME", "ACTOR", "SESSION", "PROJECT", "REASON");
        list.forEach(a -> t.row(seconds(a.at()), a.action(), a.outcome(),
                a.actorKind() == null ? a.actor() : a.actorKind() + ":" + a.actor(), a.sessionId(), a.project(),
                a.reason()));
        return t;
    }

    /** RFC 3339 timestamps shown to the second: {@code 2026-01-05T10:11:12Z}. */
    static String seconds(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        int dot = timestamp.indexOf('.');
        if (dot > 0 && timestamp.endsWith("Z")) {
            return timestamp.substring(0, dot) + "Z";
        }
        return timestamp;
    }
}
