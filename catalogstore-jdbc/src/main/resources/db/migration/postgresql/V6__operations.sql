-- The CatalogStore schema, version 6: operations. Each tenant's append-only audit log, its system
-- settings, and the stats of each federated catalog's last sync. Maintenance needs no table of its
-- own: pruning deletes rows of metadata_history, and the entries kept keep their sequence numbers,
-- so an asset's history may have gaps from now on (V1's "numbered from 1 without gaps" held until
-- this version; assets().history pages by "sequence below the last one read", which gaps do not
-- disturb).
--
-- The rules of V1 hold for every table here (keys start with tenant_id, names are COLLATE "C"),
-- with one deliberate exception: audit_events has no foreign key to tenants. An audit event
-- outlives its tenant: deleting a tenant removes all its data but its audit log, which stays
-- readable by the tenant's id (the operator's read).

CREATE TABLE audit_events (
    tenant_id       uuid        NOT NULL,
    event_id        uuid        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    actor_kind      text        NOT NULL,
    actor_id        text        COLLATE "C" NOT NULL,
    action          text        COLLATE "C" NOT NULL,
    resource_type   text        COLLATE "C" NOT NULL,
    resource_id     text        COLLATE "C",
    resource_name   text        COLLATE "C",
    result          text        NOT NULL,
    client_address  text        COLLATE "C",
    details         jsonb       NOT NULL,
    -- audit().get by id.
    CONSTRAINT audit_events_pk PRIMARY KEY (tenant_id, event_id),
    CONSTRAINT audit_events_actor_kind_ck CHECK (actor_kind IN ('USER', 'SERVICE_USER', 'SYSTEM')),
    CONSTRAINT audit_events_result_ck CHECK (result IN ('SUCCESS', 'FAILURE', 'DENIED'))
);

-- The log's newest-first order within a tenant, so that a page is one backward range scan that
-- stops after the page, and a count is an index-only scan of the range. The unfiltered log, and
-- a time range, read the first; a filter on one criterion reads the index of that criterion, in
-- which the equal rows are again in log order, so the page ends after its last row whatever the
-- size of the log. A filter on several criteria reads the most selective of them (the planner's
-- choice) and checks the others on the rows. The resource id has its own index (not behind the
-- resource type), as a filter may name the id alone.
CREATE INDEX audit_events_time_ix
    ON audit_events (tenant_id, occurred_at DESC, event_id DESC);
CREATE INDEX audit_events_actor_ix
    ON audit_events (tenant_id, actor_kind, actor_id, occurred_at DESC, event_id DESC);
CREATE INDEX audit_events_action_ix
    ON audit_events (tenant_id, action, occurred_at DESC, event_id DESC);
CREATE INDEX audit_events_resource_type_ix
    ON audit_events (tenant_id, resource_type, occurred_at DESC, event_id DESC);
CREATE INDEX audit_events_resource_id_ix
    ON audit_events (tenant_id, resource_id, occurred_at DESC, event_id DESC);
CREATE INDEX audit_events_result_ix
    ON audit_events (tenant_id, result, occurred_at DESC, event_id DESC);

-- Append-only, also against the store's own database role (which owns the table, so grants alone
-- could not keep it from changing rows): every UPDATE, DELETE and TRUNCATE of audit_events fails
-- with SQLState CS001, which the store reports as a defect should it ever reach it. The store
-- itself only inserts and reads. Removing events (a retention policy an operator decides on) is a
-- deliberate act outside the store: drop the triggers, as the table's owner, in a migration.
CREATE FUNCTION audit_events_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % of audit_events refused', TG_OP
        USING ERRCODE = 'CS001';
END
$$;

CREATE TRIGGER audit_events_no_change
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- A tenant's system settings; no row (or a row with updated_at NULL, which only exists inside the
-- transaction of a first update) means the documented defaults. The default warehouse is kept by
-- id, with a foreign key, so that the warehouse that is a tenant's default cannot be deleted
-- (NO ACTION: a tenant's deletion removes its settings and warehouses together).
CREATE TABLE tenant_settings (
    tenant_id                 uuid        NOT NULL,
    allow_public_signing      boolean     NOT NULL,
    -- Microseconds, the precision every backend keeps.
    default_retention_micros  bigint      NOT NULL,
    default_warehouse_id      uuid,
    extra                     jsonb       NOT NULL,
    updated_at                timestamptz,
    CONSTRAINT tenant_settings_pk PRIMARY KEY (tenant_id),
    CONSTRAINT tenant_settings_tenant_fk FOREIGN KEY (tenant_id)
        REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    -- The primary key serves this key's check when a warehouse is deleted: one row per tenant.
    CONSTRAINT tenant_settings_warehouse_fk FOREIGN KEY (tenant_id, default_warehouse_id)
        REFERENCES warehouses (tenant_id, warehouse_id),
    CONSTRAINT tenant_settings_retention_ck CHECK (default_retention_micros >= 0),
    CONSTRAINT tenant_settings_extra_properties_ck CHECK (property_count(extra) <= 1000)
);

-- The last sync of each federated catalog, failed or not; forgotten with the catalog.
CREATE TABLE catalog_sync_stats (
    tenant_id           uuid        NOT NULL,
    catalog_id          uuid        NOT NULL,
    -- The catalog's name when it was synced, as SyncStats reports it.
    catalog_name        text        COLLATE "C" NOT NULL,
    started_at          timestamptz NOT NULL,
    finished_at         timestamptz NOT NULL,
    namespaces_added    integer     NOT NULL,
    namespaces_updated  integer     NOT NULL,
    namespaces_removed  integer     NOT NULL,
    tables_added        integer     NOT NULL,
    tables_updated      integer     NOT NULL,
    tables_removed      integer     NOT NULL,
    status              text        NOT NULL,
    error               text,
    CONSTRAINT catalog_sync_stats_pk PRIMARY KEY (tenant_id, catalog_id),
    CONSTRAINT catalog_sync_stats_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE,
    CONSTRAINT catalog_sync_stats_status_ck CHECK (
        (status = 'SUCCEEDED' AND error IS NULL) OR (status = 'FAILED' AND error IS NOT NULL))
);
