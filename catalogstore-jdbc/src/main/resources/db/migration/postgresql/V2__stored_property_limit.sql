-- The CatalogStore schema, version 2: the limit on what a property map holds once stored.
--
-- A request carries at most 1000 properties (Inputs.MAX_PROPERTIES), but updates merge into what
-- is stored, so the stored map is bounded as well: an update that would leave more than 1000
-- entries fails and changes nothing. The limit is a check constraint, so every statement that
-- writes a row keeps it, including ones not written yet. The store recognises these constraints
-- by the suffix _properties_ck (SqlErrors) and reports a violation as an
-- InvalidArgumentException naming the request's field. Each key and value is bounded by request
-- validation, so the entry count bounds the stored size too.
--
-- The constraints are validated: a row stored before this version with more than 1000 entries
-- makes the migration fail, loudly and before any store serves, rather than making every later
-- write of that row fail.

-- Check constraints cannot hold subqueries; this function counts an object's keys. Qualified
-- with pg_catalog so that it means the same whatever a connection's search path is.
CREATE FUNCTION property_count(properties jsonb) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS 'SELECT pg_catalog.count(*) FROM pg_catalog.jsonb_object_keys(properties)';

ALTER TABLE tenants
    ADD CONSTRAINT tenants_properties_ck CHECK (property_count(properties) <= 1000);
ALTER TABLE warehouses
    ADD CONSTRAINT warehouses_properties_ck CHECK (property_count(properties) <= 1000);
ALTER TABLE catalogs
    ADD CONSTRAINT catalogs_properties_ck CHECK (property_count(properties) <= 1000);
ALTER TABLE namespaces
    ADD CONSTRAINT namespaces_properties_ck CHECK (property_count(properties) <= 1000);
ALTER TABLE assets
    ADD CONSTRAINT assets_properties_ck CHECK (property_count(properties) <= 1000);
