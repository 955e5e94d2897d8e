-- The CatalogStore schema, version 8: deleting a tenant or a catalog of any size.
--
-- Until this version a delete was one DELETE whose ON DELETE CASCADE chain removed every row below
-- it; with millions of assets that statement outlived the statement timeout, every time. Now a
-- delete is one short transaction that only makes the tenant or catalog invisible (a tombstone) and
-- records the work in purges; the store's purger then removes the rows in bounded batches.
--
-- The tombstone is a NULL name. A deleted tenant, and each catalog and warehouse it had, and a
-- deleted catalog keep their rows (and so every foreign key below them) until purged, with name set
-- to NULL:
--   * Every statement that starts from a catalog or warehouse resolves it by (tenant_id, name), and
--     lists them by "name > :after": neither ever matches NULL, so a deleted catalog's namespaces,
--     branches, assets, commits and tags are unreachable at once, without any predicate or index
--     probe of their own. The few statements that reach a catalog by its id (an asset by id, the
--     locks a sync or a branch creation takes) say "c.name IS NOT NULL".
--   * Every statement that reads a tenant's row says "t.name IS NOT NULL" (the missing-tenant
--     checks, the pages that tell a missing tenant from an empty page); the inserts of what belongs
--     directly to a tenant read its row that way FOR KEY SHARE, so an insert racing the delete either
--     lands before it (and is tombstoned or deleted with the rest) or finds no tenant.
--   * A name unique constraint ignores NULLs, so the name is free for a new tenant or catalog at
--     once, and the new one has a new id: it never sees a row of the old one.
-- What belongs to a tenant but not to a catalog or warehouse (users with their tokens, permissions
-- and role assignments, roles with their grants, service users, token revocations, settings) is
-- deleted by the delete's transaction itself, as are the grants naming a deleted catalog: those are
-- reached by id, not by name. Audit events are kept, as before: they outlive their tenant.

ALTER TABLE tenants ALTER COLUMN name DROP NOT NULL;
ALTER TABLE warehouses ALTER COLUMN name DROP NOT NULL;
ALTER TABLE catalogs ALTER COLUMN name DROP NOT NULL;

-- A deleted LOCAL catalog lets go of its warehouse (warehouse_id NULL), which can then be deleted
-- at once, as it could when the catalog's row went with the delete.
ALTER TABLE catalogs DROP CONSTRAINT catalogs_type_ck;
ALTER TABLE catalogs ADD CONSTRAINT catalogs_type_ck CHECK (
    (catalog_type = 'LOCAL' AND (warehouse_id IS NOT NULL OR name IS NULL)
        AND connector_type IS NULL AND connector_options IS NULL)
    OR (catalog_type = 'FEDERATED' AND warehouse_id IS NULL
        AND connector_type IS NOT NULL AND connector_options IS NOT NULL));

-- The deletes not yet purged, one row each: what an operator watches (README, "Deleting a tenant
-- or a catalog"). A CATALOG purge removes the catalog's rows, children before parents, then the
-- catalog's row, whose cascade removes this row. A TENANT purge waits for its tenant's catalog
-- purges (one is recorded for each catalog the tenant still had), then removes its warehouses and
-- finally the tenant's row, whose cascade removes this row and anything left. A store claims a row
-- with FOR UPDATE SKIP LOCKED for one batch at a time, so stores on one database share the work and
-- a restarted store resumes from what is left.
CREATE TABLE purges (
    tenant_id     uuid        NOT NULL,
    purge_id      uuid        NOT NULL,
    kind          text        NOT NULL,
    -- The catalog to purge; NULL for a tenant.
    catalog_id    uuid,
    -- The name the tenant or catalog had, for the operator.
    name          text        COLLATE "C" NOT NULL,
    requested_at  timestamptz NOT NULL,
    -- Progress: batches run and rows they removed, and when the last one ran.
    batches       bigint      NOT NULL DEFAULT 0,
    rows_purged   bigint      NOT NULL DEFAULT 0,
    last_batch_at timestamptz,
    CONSTRAINT purges_pk PRIMARY KEY (tenant_id, purge_id),
    CONSTRAINT purges_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    CONSTRAINT purges_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE,
    CONSTRAINT purges_kind_ck CHECK (
        (kind = 'TENANT' AND catalog_id IS NULL) OR (kind = 'CATALOG' AND catalog_id IS NOT NULL))
);

-- Serves the cascade from catalogs, and a tenant purge's check for catalog purges still pending.
CREATE INDEX purges_catalog_ix ON purges (tenant_id, catalog_id);
