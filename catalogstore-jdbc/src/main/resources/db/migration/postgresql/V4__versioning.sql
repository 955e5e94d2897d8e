-- The CatalogStore schema, version 4: versioning. Every catalog gets a history of commits, its
-- branches get a head, a type and a partial flag, and commits can be tagged.
--
-- The rules of V1 hold for every table here: keys and foreign keys start with tenant_id, names are
-- COLLATE "C", and the database decides existence and uniqueness. In particular a tag and a
-- branch head reference (tenant_id, catalog_id, commit_id), so a tag (or head) on a commit of
-- another catalog cannot be written, whatever the Java code does.
--
-- A catalog that existed before this version gets a root commit, stamped with the catalog's
-- creation time, and its branches start there. Such a root commit stands for the catalog as it was
-- when the migration ran: its assets were never recorded as operations, so history read from it
-- begins with them already present.

-- A catalog's commits, written by the changes themselves and never changed. The root commit has no
-- parent and generation 0; a change has one parent (the head it was written on); a merge commit has
-- two (the target's head, then the source's). Generation is one more than the highest parent's,
-- stored when the commit is written, so merge-base and ancestry walks can stop below a commit.
-- Parents carry no foreign key of their own: a commit's parents are branch heads read from locked
-- branch rows, which branches_head_fk keeps commits of the same catalog, and commits are only ever
-- deleted with their whole catalog. A key there would cost every change a second check against
-- this table, and an index to delete a catalog in linear time.
CREATE TABLE commits (
    tenant_id         uuid        NOT NULL,
    commit_id         uuid        NOT NULL,
    catalog_id        uuid        NOT NULL,
    first_parent_id   uuid,
    second_parent_id  uuid,
    generation        bigint      NOT NULL,
    -- The CommitMeta given with the change; NULL when none was given.
    author            text,
    message           text,
    created_at        timestamptz NOT NULL,
    -- Lookup by id (commit_changes reference it).
    CONSTRAINT commits_pk PRIMARY KEY (tenant_id, commit_id),
    -- Lookup of a commit within its catalog, the target of every reference that must stay inside
    -- one catalog (tags, branch heads), and the cascade from catalogs.
    CONSTRAINT commits_catalog_uq UNIQUE (tenant_id, catalog_id, commit_id),
    CONSTRAINT commits_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE,
    CONSTRAINT commits_parents_ck CHECK (
        (first_parent_id IS NULL AND second_parent_id IS NULL AND generation = 0)
        OR (first_parent_id IS NOT NULL AND generation > 0
            AND second_parent_id IS DISTINCT FROM first_parent_id))
);

-- The changes of a commit relative to its parent number parent_index (0: the first parent, its
-- operations; 1: a merge commit's second parent), one per asset key, numbered from 1 in key order
-- (namespace segment by segment, then name, by code point). Before and after are the asset's
-- content (kind, location, metadataLocation, properties) as a jsonb object; NULL where the key
-- does not exist.
CREATE TABLE commit_changes (
    tenant_id     uuid     NOT NULL,
    commit_id     uuid     NOT NULL,
    parent_index  smallint NOT NULL,
    ordinal       integer  NOT NULL,
    namespace     text[]   COLLATE "C" NOT NULL,
    name          text     COLLATE "C" NOT NULL,
    before        jsonb,
    after         jsonb,
    -- Also the index of commits().operations' keyset pages and of the merge's batch reads.
    CONSTRAINT commit_changes_pk PRIMARY KEY (tenant_id, commit_id, parent_index, ordinal),
    CONSTRAINT commit_changes_commit_fk FOREIGN KEY (tenant_id, commit_id)
        REFERENCES commits (tenant_id, commit_id) ON DELETE CASCADE,
    CONSTRAINT commit_changes_parent_ck CHECK (parent_index IN (0, 1)),
    CONSTRAINT commit_changes_ordinal_ck CHECK (ordinal >= 1),
    CONSTRAINT commit_changes_change_ck CHECK (before IS NOT NULL OR after IS NOT NULL)
);

-- Fixed names for commits of a catalog. A tag never moves.
CREATE TABLE tags (
    tenant_id   uuid        NOT NULL,
    catalog_id  uuid        NOT NULL,
    name        text        COLLATE "C" NOT NULL,
    commit_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    -- Lookup by name, uniqueness per catalog, listTags' keyset index, the cascade from catalogs.
    CONSTRAINT tags_pk PRIMARY KEY (tenant_id, catalog_id, name),
    CONSTRAINT tags_catalog_fk FOREIGN KEY (tenant_id, catalog_id)
        REFERENCES catalogs (tenant_id, catalog_id) ON DELETE CASCADE,
    -- A tag names a commit of its own catalog.
    CONSTRAINT tags_commit_fk FOREIGN KEY (tenant_id, catalog_id, commit_id)
        REFERENCES commits (tenant_id, catalog_id, commit_id)
);

-- Serves the tag foreign key's check when a catalog's commits are deleted.
CREATE INDEX tags_commit_ix ON tags (tenant_id, catalog_id, commit_id);

-- Branches gain their versioning state. head_generation and head_created_at copy the head
-- commit's generation and creation time: a change locks its branch row and writes its commit in
-- one statement, whose snapshot may predate the head it finds there (a concurrent change moved it
-- and committed while this one waited for the lock), so it cannot read that commit's row; the
-- locked branch row is always current. They are written with head_commit_id by every statement
-- that moves a head. updated_at is when the head last moved (the creation time until then).
-- No index on head_commit_id: updating an unindexed column keeps head moves HOT, and the head
-- foreign key's check when a catalog's commits are deleted scans that catalog's few branches.
ALTER TABLE branches
    ADD COLUMN branch_type      text,
    ADD COLUMN head_commit_id   uuid,
    ADD COLUMN head_generation  bigint,
    ADD COLUMN head_created_at  timestamptz,
    ADD COLUMN partial          boolean,
    ADD COLUMN updated_at       timestamptz;

-- Back-fill: a root commit for every existing catalog, and its branches at that root.
WITH roots AS (
    INSERT INTO commits
        (tenant_id, commit_id, catalog_id, first_parent_id, second_parent_id, generation,
         author, message, created_at)
    SELECT tenant_id, gen_random_uuid(), catalog_id, NULL, NULL, 0, NULL, NULL, created_at
    FROM catalogs
    RETURNING tenant_id, catalog_id, commit_id, created_at
)
UPDATE branches b
SET branch_type = 'INGEST',
    head_commit_id = r.commit_id,
    head_generation = 0,
    head_created_at = r.created_at,
    partial = false,
    updated_at = b.created_at
FROM roots r
WHERE b.tenant_id = r.tenant_id AND b.catalog_id = r.catalog_id;

ALTER TABLE branches
    ALTER COLUMN branch_type SET NOT NULL,
    ALTER COLUMN head_commit_id SET NOT NULL,
    ALTER COLUMN head_generation SET NOT NULL,
    ALTER COLUMN head_created_at SET NOT NULL,
    ALTER COLUMN partial SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ADD CONSTRAINT branches_type_ck CHECK (branch_type IN ('INGEST', 'EXPERIMENTAL')),
    -- A head is a commit of the branch's own catalog.
    ADD CONSTRAINT branches_head_fk FOREIGN KEY (tenant_id, catalog_id, head_commit_id)
        REFERENCES commits (tenant_id, catalog_id, commit_id);

-- Every asset change now locks and reads its asset by (tenant_id, namespace_id, branch_id, name)
-- within the statement that writes its commit. Before a table has statistics (a new schema, a bulk
-- load autovacuum has not analyzed yet), the planner estimates one row for assets_name_uq and for
-- assets_kind_ix alike, and on a tie it takes the index created last: assets_kind_ix, whose range
-- for that lookup is every asset of the namespace on the branch. Rebuilt here, assets_name_uq is
-- the newest index of the table and wins such ties; with statistics it wins on cost anyway.
ALTER TABLE assets DROP CONSTRAINT assets_name_uq;
ALTER TABLE assets
    ADD CONSTRAINT assets_name_uq UNIQUE (tenant_id, namespace_id, branch_id, name);
