-- The CatalogStore schema, version 7: the limit on a stored property map's total size.
--
-- Version 2 bounds a stored map's entry count (1000, property_count). Each value may hold 64 Ki
-- characters, so 1000 entries could still hold about 256 MB. This version bounds the total as well:
-- the UTF-8 encoded lengths of all keys and values together at most 1 MiB (1048576 bytes,
-- StoredProperties.MAX_TOTAL_BYTES), after any sequence of updates, on every column the entry
-- count covers. UTF-8 bytes because octet_length counts them exactly as the Java side does
-- (Inputs.utf8Length); the database's encoding is UTF8.
--
-- The store recognises these constraints by the suffix _properties_bytes_ck (SqlErrors) and reports
-- a violation exactly as it reports the entry count's: StoredProperties.exceeded on the request's
-- field.
--
-- The constraints are added NOT VALID: rows stored before this version are not checked, so a
-- larger map does not block the migration; every insert and every update checks the row it writes,
-- so such a row can be written again only once its map is within the limit (an update that shrinks
-- it, or a namespace's replaceProperties).

-- The UTF-8 bytes of an object's keys and text values together (0 for an empty object).
-- Qualified with pg_catalog so that it means the same whatever a connection's search path is.
CREATE FUNCTION property_bytes(properties jsonb) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS 'SELECT COALESCE(pg_catalog.sum(pg_catalog.octet_length(key) + pg_catalog.octet_length(value)), 0)
        FROM pg_catalog.jsonb_each_text(properties)';

ALTER TABLE tenants
    ADD CONSTRAINT tenants_properties_bytes_ck
    CHECK (property_bytes(properties) <= 1048576) NOT VALID;
ALTER TABLE warehouses
    ADD CONSTRAINT warehouses_properties_bytes_ck
    CHECK (property_bytes(properties) <= 1048576) NOT VALID;
ALTER TABLE catalogs
    ADD CONSTRAINT catalogs_properties_bytes_ck
    CHECK (property_bytes(properties) <= 1048576) NOT VALID;
ALTER TABLE namespaces
    ADD CONSTRAINT namespaces_properties_bytes_ck
    CHECK (property_bytes(properties) <= 1048576) NOT VALID;
ALTER TABLE assets
    ADD CONSTRAINT assets_properties_bytes_ck
    CHECK (property_bytes(properties) <= 1048576) NOT VALID;
ALTER TABLE tenant_settings
    ADD CONSTRAINT tenant_settings_extra_properties_bytes_ck
    CHECK (property_bytes(extra) <= 1048576) NOT VALID;
