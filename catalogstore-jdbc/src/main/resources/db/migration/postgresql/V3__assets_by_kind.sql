-- The CatalogStore schema, version 3: listing assets narrowed to some kinds.
--
-- assets.list narrowed to k kinds reads one keyset range per kind on this index (each ordered by
-- name, COLLATE "C" as the column is) and merges them, so a page costs O(k x page size) whatever
-- the number of assets of other kinds in the namespace. Without it, the kind was a filter on
-- assets_name_uq, and listing three tables among a million files read a million rows.
-- An index only (no key or foreign key): it starts with tenant_id like every key.
CREATE INDEX assets_kind_ix ON assets (tenant_id, namespace_id, branch_id, kind, name);
