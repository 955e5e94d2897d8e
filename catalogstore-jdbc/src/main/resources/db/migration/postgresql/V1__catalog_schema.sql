-- The CatalogStore schema, version 1: tenants, warehouses, catalogs with their branches,
-- namespaces, assets and each asset's metadata-location history.
--
-- Rules every table keeps:
--   * The primary key starts with tenant_id, and every foreign key includes tenant_id, so no row
--     can ever point into another tenant.
--   * User-supplied names are COLLATE "C": compared and ordered byte-wise (UTF-8 code point
--     order), exactly like CodePointOrder, and never case-folded or normalised.
--   * Property maps are jsonb objects of string values.
--   * Uniqueness, existence and "still in use" are decided here, by constraints, never by the
--     Java code reading first.
-- Flyway runs this with the store's schema as the search path, so names are unqualified.

CREATE TABLE tenants (
    tenant_id   uuid        NOT NULL,
    name        text        COLLATE "C" NOT NULL,
    properties  jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT tenants_pk PRIMARY KEY (tenant_id),
    -- Tenant names are unique across the store; also the index of listTenants' keyset pages.
    CONSTRAINT tenants_name_uq UNIQUE (name)
);

-- The reserved system tenant (TenantId.SYSTEM) that holds platform users. It always exists, and
-- its row makes "system" a taken tenant name.
INSERT INTO tenants (tenant_id, name, properties, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000000', 'system', '{}',
        date_trunc('microseconds', now()), date_trunc('microseconds', now()));

CREATE TABLE warehouses (
    tenant_id        uuid        NOT NULL,
    warehouse_id     uuid        NOT NULL,
    name             text        COLLATE "C" NOT NULL,
    storage_type     text        NOT NULL,
    root_location    text        NOT NULL,
    storage_options  jsonb       NOT NULL,
    -- The credentials as sealed by the configured SecretCodec (never plain text); NULL when the
    -- warehouse has none.
    credentials      bytea,
    properties       jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT warehouses_pk PRIMARY KEY (tenant_id, warehouse_id),
    -- Lookup by name, uniqueness per tenant, and listWarehouses' keyset index.
    CONSTRAINT warehouses_name_uq UNIQUE (tenant_id, name),
    CONSTRAINT warehouses_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    CONSTRAINT warehouses_storage_type_ck CHECK (storage_type IN ('S3', 'GCS', 'ADLS', 'FILE'))
);

CREATE TABLE catalogs (
    tenant_id          uuid        NOT NULL,
    catalog_id         uuid        NOT NULL,
    name               text        COLLATE "C" NOT NULL,
    catalog_type       text        NOT NULL,
    -- LOCAL catalogs: their warehouse. A warehouse still referenced here cannot be deleted.
    warehouse_id       uuid,
    -- FEDERATED catalogs: their connector.
    connector_type     text,
    connector_options  jsonb,
    properties         jsonb       NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT catalogs_pk PRIMARY KEY (tenant_id, catalog_id),
    -- Lookup by name, uniqueness per tenant, and listCatalogs' keyset index.
    CONSTRAINT catalogs_name_uq UNIQUE (tenant_id, name),
    CONSTRAINT catalogs_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    -- NO ACTION (checked at the end of the statement), so that deleting a tenant removes its
    -- catalogs and warehouses together, while deleting a used warehouse alone fails.
    CONSTRAINT catalogs_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id)
        REFERENCES warehouses (tenant_id, warehouse_id),
    CONSTRAINT catalogs_type_ck CHECK (
        (catalog_type = 'LOCAL' AND warehouse_id IS NOT NULL
            AND connector_type IS NULL AND connector_options IS NULL)
        OR (catalog_type = 'FEDERATED' AND warehouse_id IS NULL
            AND connector_type IS NOT NULL AND connector_options IS NOT NULL))
);

-- Serves the foreign-key check when a warehouse is deleted.
CREATE INDEX catalogs_warehouse_ix ON catalogs (tenant_id, warehouse_id);

-- A catalog's branches. Every catalog is created with its branch "main" in the same statement.
-- Versioning (commits, heads, tags, merges) extends this table and adds its own.
CREATE TABLE branches (
    tenant_id   uuid        NOT NULL,
    branch_id   uuid        NOT NULL,
    catalog_id  uuid        NOT NULL,
    name        text        COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT branches_pk PRIMARY KEY (tenant_id, branch_id),
    -- Lookup by name within a catalog; also serves the cascade from catalogs.
    CONSTRAINT branches_name_uq UNIQUE (tenant_id, catalog_id, name),
    CONSTRAINT branches_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE
);

-- Hierarchical namespaces of a catalog. The path is a text[] of segments (any printable
-- character, dots included, is part of a segment). Lookups go through path_key, the SHA-256 of
-- the path computed by the store (NamespaceKey), so that an index entry stays 32 bytes however
-- deep and long the path is; the statements compare path itself as well.
CREATE TABLE namespaces (
    tenant_id     uuid        NOT NULL,
    namespace_id  uuid        NOT NULL,
    catalog_id    uuid        NOT NULL,
    path          text[]      COLLATE "C" NOT NULL,
    -- The last segment, which orders listNamespaces.
    name          text        COLLATE "C" NOT NULL
        GENERATED ALWAYS AS (path[cardinality(path)]) STORED,
    path_key      bytea       NOT NULL,
    -- The parent's path_key; NULL for a top-level namespace.
    parent_key    bytea,
    properties    jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT namespaces_pk PRIMARY KEY (tenant_id, namespace_id),
    -- Lookup by path, uniqueness within the catalog, and the target of the parent key below.
    CONSTRAINT namespaces_path_uq UNIQUE (tenant_id, catalog_id, path_key),
    CONSTRAINT namespaces_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE,
    -- A namespace's parent must exist, and a namespace with children cannot be deleted.
    CONSTRAINT namespaces_parent_fk FOREIGN KEY (tenant_id, catalog_id, parent_key)
        REFERENCES namespaces (tenant_id, catalog_id, path_key),
    CONSTRAINT namespaces_path_ck CHECK (cardinality(path) BETWEEN 1 AND 32),
    CONSTRAINT namespaces_parent_ck CHECK ((parent_key IS NULL) = (cardinality(path) = 1))
);

-- listNamespaces' keyset index below a namespace (its direct children by last segment); also
-- serves the parent key's check when a namespace is deleted.
CREATE INDEX namespaces_children_ix ON namespaces (tenant_id, catalog_id, parent_key, name);

-- listNamespaces' keyset index at the top level. A separate partial index, because PostgreSQL
-- does not read "parent_key IS NULL" as fixing the first columns of namespaces_children_ix, so
-- it would sort every top-level namespace of the catalog for each page.
CREATE INDEX namespaces_top_level_ix ON namespaces (tenant_id, catalog_id, name)
    WHERE parent_key IS NULL;

-- Tables, views, files and models. An asset lives in a namespace on a branch; its id is stable
-- across renames and metadata commits.
CREATE TABLE assets (
    tenant_id          uuid        NOT NULL,
    asset_id           uuid        NOT NULL,
    branch_id          uuid        NOT NULL,
    namespace_id       uuid        NOT NULL,
    name               text        COLLATE "C" NOT NULL,
    kind               text        NOT NULL,
    location           text,
    metadata_location  text,
    -- The sequence of the newest metadata_history entry; 0 while there is none.
    metadata_sequence  bigint      NOT NULL,
    properties         jsonb       NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT assets_pk PRIMARY KEY (tenant_id, asset_id),
    -- Lookup by coordinates, uniqueness, listAssets' keyset index, and the check that a
    -- namespace being deleted holds no asset.
    CONSTRAINT assets_name_uq UNIQUE (tenant_id, namespace_id, branch_id, name),
    CONSTRAINT assets_branch_fk FOREIGN KEY (tenant_id, branch_id)
        REFERENCES branches (tenant_id, branch_id) ON DELETE CASCADE,
    -- A namespace that holds an asset, on any branch, cannot be deleted.
    CONSTRAINT assets_namespace_fk FOREIGN KEY (tenant_id, namespace_id)
        REFERENCES namespaces (tenant_id, namespace_id),
    CONSTRAINT assets_metadata_ck CHECK ((metadata_location IS NULL) = (metadata_sequence = 0))
);

-- Serves the cascade when a branch (or its catalog) is deleted.
CREATE INDEX assets_branch_ix ON assets (tenant_id, branch_id);

-- Every metadata location an asset has committed, numbered from 1 without gaps.
CREATE TABLE metadata_history (
    tenant_id          uuid        NOT NULL,
    asset_id           uuid        NOT NULL,
    sequence           bigint      NOT NULL,
    location           text        NOT NULL,
    previous_location  text,
    committed_at       timestamptz NOT NULL,
    -- Also listMetadataHistory's keyset index (read backwards, newest first).
    CONSTRAINT metadata_history_pk PRIMARY KEY (tenant_id, asset_id, sequence),
    CONSTRAINT metadata_history_asset_fk FOREIGN KEY (tenant_id, asset_id)
        REFERENCES assets (tenant_id, asset_id) ON DELETE CASCADE,
    CONSTRAINT metadata_history_sequence_ck CHECK (sequence >= 1)
);
