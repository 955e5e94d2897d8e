-- The CatalogStore schema, version 5: governance. Users, roles with their grants, role
-- assignments, direct permissions, service users, tokens and token revocations.
--
-- The rules of V1 hold for every table here: keys and foreign keys start with tenant_id (every
-- foreign key cascades from the tenant, so deleting a tenant removes all of it in one statement),
-- names are COLLATE "C", and the database decides existence and uniqueness.
--
-- Secrets are never stored. A service user's API key and a token arrive as digests (SHA-256 of the
-- secret, or a keyed digest), kept as bytea (the hex decoded). The two digest indexes serve the
-- authentication look-ups, which must find the tenant from the secret alone, one indexed read
-- whatever the number of tenants; with the expiry sweep's two indexes (at the end), they are the
-- only indexes here that do not start with tenant_id.
--
-- A grant (of a role, or a direct permission) keeps its scope's components in columns, so that it
-- reads back exactly, and its catalog as catalog_id with a foreign key that cascades: deleting a
-- catalog removes every grant naming it in the same statement, so a catalog created later under the
-- same name starts with no grants. A tenant scope has no catalog (catalog_id NULL).

CREATE TABLE users (
    tenant_id     uuid        NOT NULL,
    user_id       uuid        NOT NULL,
    username      text        COLLATE "C" NOT NULL,
    email         text        COLLATE "C",
    display_name  text        COLLATE "C",
    role_kind     text        NOT NULL,
    active        boolean     NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (tenant_id, user_id),
    -- Lookup by username, uniqueness per tenant, and users().list's keyset index.
    CONSTRAINT users_username_uq UNIQUE (tenant_id, username),
    CONSTRAINT users_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    CONSTRAINT users_role_kind_ck CHECK (role_kind IN ('ROOT', 'TENANT_ADMIN', 'TENANT_USER')),
    -- Root users live only in the system tenant (TenantId.SYSTEM).
    CONSTRAINT users_root_ck CHECK (
        role_kind <> 'ROOT' OR tenant_id = '00000000-0000-0000-0000-000000000000')
);

CREATE TABLE roles (
    tenant_id    uuid        NOT NULL,
    role_id      uuid        NOT NULL,
    name         text        COLLATE "C" NOT NULL,
    description  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT roles_pk PRIMARY KEY (tenant_id, role_id),
    -- Lookup by name, uniqueness per tenant, and roles().list's keyset index.
    CONSTRAINT roles_name_uq UNIQUE (tenant_id, name),
    CONSTRAINT roles_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

-- The grants of a role, numbered from 0 in the order they were given (a role keeps that order).
-- grant_id is GrantRules.roleGrantId(role, grant), the id the grant has in
-- permissions().listUserPermissions; grant_key is GrantRules.key(grant). Two grants of a role may
-- share a key (they allow the same, for example {READ, ALL} and {ALL}); the role keeps both, and
-- its effective permission of that id is the later one.
CREATE TABLE role_grants (
    tenant_id     uuid    NOT NULL,
    role_id       uuid    NOT NULL,
    position      integer NOT NULL,
    grant_id      uuid    NOT NULL,
    grant_key     text    COLLATE "C" NOT NULL,
    -- TENANT, CATALOG, NAMESPACE, ASSET or TAG; the columns the kind does not use are NULL.
    scope_kind    text    NOT NULL,
    catalog_id    uuid,
    catalog_name  text    COLLATE "C",
    namespace     text[]  COLLATE "C",
    asset_name    text    COLLATE "C",
    tag_name      text    COLLATE "C",
    -- Action names, in the enum's order.
    actions       text[]  NOT NULL,
    CONSTRAINT role_grants_pk PRIMARY KEY (tenant_id, role_id, position),
    CONSTRAINT role_grants_role_fk FOREIGN KEY (tenant_id, role_id)
        REFERENCES roles (tenant_id, role_id) ON DELETE CASCADE,
    CONSTRAINT role_grants_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE,
    CONSTRAINT role_grants_scope_ck CHECK (
        scope_kind IN ('TENANT', 'CATALOG', 'NAMESPACE', 'ASSET', 'TAG')
        AND (scope_kind = 'TENANT') = (catalog_id IS NULL)
        AND (catalog_id IS NULL) = (catalog_name IS NULL)),
    CONSTRAINT role_grants_actions_ck CHECK (cardinality(actions) >= 1),
    CONSTRAINT role_grants_position_ck CHECK (position >= 0)
);

-- Serves the cascade when a catalog is deleted.
CREATE INDEX role_grants_catalog_ix ON role_grants (tenant_id, catalog_id);

CREATE TABLE role_assignments (
    tenant_id  uuid NOT NULL,
    user_id    uuid NOT NULL,
    role_id    uuid NOT NULL,
    -- A user's roles (listUserRoles, listUserPermissions), and the cascade from users.
    CONSTRAINT role_assignments_pk PRIMARY KEY (tenant_id, user_id, role_id),
    CONSTRAINT role_assignments_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, user_id) ON DELETE CASCADE,
    CONSTRAINT role_assignments_role_fk FOREIGN KEY (tenant_id, role_id)
        REFERENCES roles (tenant_id, role_id) ON DELETE CASCADE
);

-- A role's users (listRoleUsers), and the cascade from roles.
CREATE INDEX role_assignments_role_ix ON role_assignments (tenant_id, role_id, user_id);

-- Direct permissions: one grant given to one user. A user holds a grant directly at most once
-- (permissions_grant_uq), which makes permissions().grant idempotent under races.
CREATE TABLE permissions (
    tenant_id      uuid        NOT NULL,
    permission_id  uuid        NOT NULL,
    user_id        uuid        NOT NULL,
    grant_key      text        COLLATE "C" NOT NULL,
    scope_kind     text        NOT NULL,
    catalog_id     uuid,
    catalog_name   text        COLLATE "C",
    namespace      text[]      COLLATE "C",
    asset_name     text        COLLATE "C",
    tag_name       text        COLLATE "C",
    actions        text[]      NOT NULL,
    created_at     timestamptz NOT NULL,
    -- Lookup by id, and permissions().list's keyset index (uuid order is the order of its
    -- lowercase string form).
    CONSTRAINT permissions_pk PRIMARY KEY (tenant_id, permission_id),
    -- A user's direct permissions, idempotent grants, and the cascade from users.
    CONSTRAINT permissions_grant_uq UNIQUE (tenant_id, user_id, grant_key),
    CONSTRAINT permissions_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, user_id) ON DELETE CASCADE,
    CONSTRAINT permissions_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE,
    CONSTRAINT permissions_scope_ck CHECK (
        scope_kind IN ('TENANT', 'CATALOG', 'NAMESPACE', 'ASSET', 'TAG')
        AND (scope_kind = 'TENANT') = (catalog_id IS NULL)
        AND (catalog_id IS NULL) = (catalog_name IS NULL)),
    CONSTRAINT permissions_actions_ck CHECK (cardinality(actions) >= 1)
);

-- Serves the cascade when a catalog is deleted.
CREATE INDEX permissions_catalog_ix ON permissions (tenant_id, catalog_id);

CREATE TABLE service_users (
    tenant_id        uuid        NOT NULL,
    service_user_id  uuid        NOT NULL,
    name             text        COLLATE "C" NOT NULL,
    description      text        NOT NULL,
    role_kind        text        NOT NULL,
    -- The digest of the API key (never the key), hex decoded.
    api_key_hash     bytea       NOT NULL,
    active           boolean     NOT NULL,
    expires_at       timestamptz,
    last_used_at     timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT service_users_pk PRIMARY KEY (tenant_id, service_user_id),
    -- Uniqueness per tenant, and serviceUsers().list's keyset index.
    CONSTRAINT service_users_name_uq UNIQUE (tenant_id, name),
    CONSTRAINT service_users_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    CONSTRAINT service_users_role_kind_ck CHECK (
        role_kind IN ('ROOT', 'TENANT_ADMIN', 'TENANT_USER')),
    CONSTRAINT service_users_root_ck CHECK (
        role_kind <> 'ROOT' OR tenant_id = '00000000-0000-0000-0000-000000000000'),
    CONSTRAINT service_users_api_key_hash_ck CHECK (octet_length(api_key_hash) BETWEEN 32 AND 64)
);

-- The authentication look-up by key digest, across tenants; a digest names one service user of
-- the whole store.
CREATE UNIQUE INDEX service_users_api_key_hash_uq ON service_users (api_key_hash);

CREATE TABLE tokens (
    tenant_id   uuid        NOT NULL,
    token_id    uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    -- The digest of the token (never the token), hex decoded.
    token_hash  bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    -- Lookup by id, and listActive's keyset index.
    CONSTRAINT tokens_pk PRIMARY KEY (tenant_id, token_id),
    -- A user's tokens are deleted with it (and the cascade from tenants goes through users).
    CONSTRAINT tokens_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, user_id) ON DELETE CASCADE,
    CONSTRAINT tokens_hash_ck CHECK (octet_length(token_hash) BETWEEN 32 AND 64)
);

-- The authentication look-up by token digest, across tenants.
CREATE UNIQUE INDEX tokens_hash_uq ON tokens (token_hash);

-- listActiveForUser's keyset index, and the cascade from users.
CREATE INDEX tokens_user_ix ON tokens (tenant_id, user_id, token_id);

-- Revoked token ids of a tenant, kept until expires_at; the id need not be of a recorded token.
-- A revocation is in force while expires_at is after now (the store's clock).
CREATE TABLE token_revocations (
    tenant_id   uuid        NOT NULL,
    token_id    uuid        NOT NULL,
    reason      text        NOT NULL,
    revoked_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    CONSTRAINT token_revocations_pk PRIMARY KEY (tenant_id, token_id),
    CONSTRAINT token_revocations_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE
);

-- The expiry sweep (tokens().cleanupExpired) is a system operation across every tenant, like the
-- two digest look-ups: these indexes let each of its bounded batches read only expired rows, so a
-- sweep costs what it removes, not the size of the tables. Only the sweep reads them.
CREATE INDEX tokens_expiry_ix ON tokens (expires_at);
CREATE INDEX token_revocations_expiry_ix ON token_revocations (expires_at);
