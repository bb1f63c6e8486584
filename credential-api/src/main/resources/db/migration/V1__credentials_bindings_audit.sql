-- Portable SQL: the same migrations run on PostgreSQL and on the embedded H2 (PostgreSQL mode) used for local runs.

-- Credentials. "token" holds only the at-rest envelope enc:v<N>:<base64(nonce ‖ ciphertext ‖ tag)>, never plaintext.
-- "version" is the optimistic lock: an update names the version it read, so a concurrent writer gets 409.
CREATE TABLE credentials (
    id            VARCHAR(64)   NOT NULL,
    owner_subject VARCHAR(255)  NOT NULL,
    name          VARCHAR(63)   NOT NULL,
    provider      VARCHAR(32)   NOT NULL,
    description   VARCHAR(1024),
    url           VARCHAR(2048),
    email         VARCHAR(320),
    metadata      TEXT          NOT NULL,
    token         TEXT          NOT NULL,
    token_set_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_credentials PRIMARY KEY (id),
    CONSTRAINT uq_credentials_owner_name UNIQUE (owner_subject, name)
);

-- Bindings of a credential to a project, or to one agent of a project. agent = '' marks a project-level binding
-- (not NULL, so the unique constraint also catches duplicate project-level bindings on every database).
-- No cascade: deleting a bound credential must be an explicit, audited decision (force=true).
CREATE TABLE credential_bindings (
    id            VARCHAR(64)  NOT NULL,
    project       VARCHAR(63)  NOT NULL,
    agent         VARCHAR(63)  NOT NULL DEFAULT '',
    credential_id VARCHAR(64)  NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_credential_bindings PRIMARY KEY (id),
    CONSTRAINT uq_credential_bindings UNIQUE (project, agent, credential_id),
    CONSTRAINT fk_credential_bindings_credential FOREIGN KEY (credential_id) REFERENCES credentials (id)
);
CREATE INDEX ix_credential_bindings_credential ON credential_bindings (credential_id);

-- Audit trail: who did what to which credential, when, and how it ended. No foreign key, so the trail outlives the
-- credential. Ids, names and outcomes only; never a token or any request body.
CREATE TABLE audit_events (
    id            VARCHAR(64)  NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    credential_id VARCHAR(64),
    action        VARCHAR(32)  NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    reason        VARCHAR(64),
    actor_kind    VARCHAR(16)  NOT NULL,
    actor         VARCHAR(255) NOT NULL,
    session_id    VARCHAR(64),
    provider      VARCHAR(32),
    project       VARCHAR(63),
    agent         VARCHAR(63),
    binding_id    VARCHAR(64),
    CONSTRAINT pk_audit_events PRIMARY KEY (id)
);
CREATE INDEX ix_audit_events_credential ON audit_events (credential_id, occurred_at);
