package dev.catalogstore.jdbc.purge;

import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The purge's statements (V8): claiming a recorded purge, and removing the rows of a deleted
 * catalog or tenant in batches of at most {@code :batch} rows per statement, children before
 * parents, so that each statement stays far below the statement timeout whatever the size of what
 * was deleted. Each batch picks its rows through an index that starts with the deleted catalog's or
 * tenant's key and deletes them by {@code ctid}, and says {@code tenant_id} again so that a
 * statement can never reach another tenant's rows.
 *
 * <p>Every join to a child table is a {@code LATERAL} subquery with a {@code LIMIT}, which the
 * planner cannot turn into a hash or anti join: each parent row is one index probe whatever the
 * statistics say. (With none, as after a bulk load autovacuum has not analyzed yet, the planner
 * otherwise chose an anti join that compared every namespace with every other, and a batch took
 * seconds.)
 */
final class PurgeSql {
  /**
   * The oldest purge no other store is running: a catalog's, or a tenant's whose catalog purges are
   * all done. Locked until the batch's transaction ends; SKIP LOCKED lets other stores take other
   * purges meanwhile.
   */
  private static final String CLAIM =
      """
      SELECT p.tenant_id, p.purge_id, p.kind, p.catalog_id, p.name
      FROM ${schema}.purges p
      WHERE p.kind = 'CATALOG'
         OR NOT EXISTS (
             SELECT FROM ${schema}.purges q
             WHERE q.tenant_id = p.tenant_id AND q.kind = 'CATALOG')
      ORDER BY p.requested_at, p.purge_id
      LIMIT 1
      FOR UPDATE OF p SKIP LOCKED
      """;

  private static final String PROGRESS =
      """
      UPDATE ${schema}.purges
      SET batches = batches + 1,
          rows_purged = rows_purged + :rows,
          last_batch_at = :now
      WHERE tenant_id = :tenant AND purge_id = :purge_id
      RETURNING batches, rows_purged
      """;

  private static final String TAGS =
      """
      DELETE FROM ${schema}.tags
      WHERE ctid = ANY (ARRAY(
          SELECT g.ctid FROM ${schema}.tags g
          WHERE g.tenant_id = :tenant AND g.catalog_id = :catalog_id
          LIMIT :batch))
        AND tenant_id = :tenant
      """;

  /** The next assets the ASSETS step will delete, by the index of the branch's cascade. */
  private static final String NEXT_ASSETS =
      """
      SELECT a.ctid, a.asset_id
      FROM ${schema}.branches b
      CROSS JOIN LATERAL (
          SELECT a.ctid, a.asset_id
          FROM ${schema}.assets a
          WHERE a.tenant_id = b.tenant_id AND a.branch_id = b.branch_id
          LIMIT :batch
      ) a
      WHERE b.tenant_id = :tenant AND b.catalog_id = :catalog_id
      LIMIT :batch
      """;

  /**
   * The history of the next assets first, so that deleting an asset cascades to at most what is
   * left of its history, whatever its length.
   */
  private static final String HISTORY =
      """
      DELETE FROM ${schema}.metadata_history
      WHERE ctid = ANY (ARRAY(
          SELECT h.ctid
          FROM (%s) a
          CROSS JOIN LATERAL (
              SELECT h.ctid
              FROM ${schema}.metadata_history h
              WHERE h.tenant_id = :tenant AND h.asset_id = a.asset_id
              LIMIT :batch
          ) h
          LIMIT :batch))
        AND tenant_id = :tenant
      """
          .formatted(NEXT_ASSETS);

  private static final String ASSETS =
      """
      DELETE FROM ${schema}.assets
      WHERE ctid = ANY (ARRAY(SELECT a.ctid FROM (%s) a))
        AND tenant_id = :tenant
      """
          .formatted(NEXT_ASSETS);

  private static final String BRANCHES =
      """
      DELETE FROM ${schema}.branches
      WHERE ctid = ANY (ARRAY(
          SELECT b.ctid FROM ${schema}.branches b
          WHERE b.tenant_id = :tenant AND b.catalog_id = :catalog_id
          LIMIT :batch))
        AND tenant_id = :tenant
      """;

  /**
   * Leaves only (namespaces without a child), so that no batch deletes a parent before its children
   * (namespaces_parent_fk); the parents are leaves in a later batch.
   */
  private static final String NAMESPACES =
      """
      DELETE FROM ${schema}.namespaces
      WHERE ctid = ANY (ARRAY(
          SELECT n.ctid
          FROM ${schema}.namespaces n
          LEFT JOIN LATERAL (
              SELECT true AS found
              FROM ${schema}.namespaces c
              WHERE c.tenant_id = n.tenant_id AND c.catalog_id = n.catalog_id
                AND c.parent_key = n.path_key
              -- The order of namespaces_children_ix: a probe of it, even where the statistics
              -- (one parent for most namespaces) promise a match in the first rows of a scan.
              ORDER BY c.tenant_id, c.catalog_id, c.parent_key, c.name
              LIMIT 1
          ) child ON true
          WHERE n.tenant_id = :tenant AND n.catalog_id = :catalog_id AND child.found IS NULL
          LIMIT :batch))
        AND tenant_id = :tenant
      """;

  /** The next commits the COMMITS step will delete. */
  private static final String NEXT_COMMITS =
      """
      SELECT m.ctid, m.commit_id
      FROM ${schema}.commits m
      WHERE m.tenant_id = :tenant AND m.catalog_id = :catalog_id
      LIMIT :batch
      """;

  /** The changes of the next commits first, as with HISTORY. */
  private static final String CHANGES =
      """
      DELETE FROM ${schema}.commit_changes
      WHERE ctid = ANY (ARRAY(
          SELECT x.ctid
          FROM (%s) m
          CROSS JOIN LATERAL (
              SELECT x.ctid
              FROM ${schema}.commit_changes x
              WHERE x.tenant_id = :tenant AND x.commit_id = m.commit_id
              LIMIT :batch
          ) x
          LIMIT :batch))
        AND tenant_id = :tenant
      """
          .formatted(NEXT_COMMITS);

  /** After the branches and tags, whose heads and tags reference commits. */
  private static final String COMMITS =
      """
      DELETE FROM ${schema}.commits
      WHERE ctid = ANY (ARRAY(SELECT m.ctid FROM (%s) m))
        AND tenant_id = :tenant
      """
          .formatted(NEXT_COMMITS);

  /**
   * The emptied catalog's row; its cascade removes its purge's row and anything written into it by
   * a call that raced the delete.
   */
  private static final String CATALOG =
      """
      DELETE FROM ${schema}.catalogs
      WHERE tenant_id = :tenant AND catalog_id = :catalog_id AND name IS NULL
      """;

  /** A catalog a deleted tenant still has (normally none: each has a purge of its own). */
  private static final String ANY_CATALOG =
      """
      SELECT c.catalog_id
      FROM ${schema}.catalogs c
      WHERE c.tenant_id = :tenant
      LIMIT 1
      """;

  private static final String WAREHOUSES =
      """
      DELETE FROM ${schema}.warehouses
      WHERE ctid = ANY (ARRAY(
          SELECT w.ctid FROM ${schema}.warehouses w
          WHERE w.tenant_id = :tenant
          LIMIT :batch))
        AND tenant_id = :tenant
      """;

  /** The emptied tenant's row; its cascade removes its purge's row and anything left. */
  private static final String TENANT =
      """
      DELETE FROM ${schema}.tenants
      WHERE tenant_id = :tenant AND name IS NULL
      """;

  private final NamedSql claim;
  private final NamedSql progress;
  private final List<NamedSql> catalogSteps;
  private final NamedSql catalog;
  private final NamedSql anyCatalog;
  private final NamedSql warehouses;
  private final NamedSql tenant;

  PurgeSql(SqlText sql) {
    this.claim = sql.compile(CLAIM);
    this.progress = sql.compile(PROGRESS);
    // Children before parents: tags (they reference commits), each asset's history then the
    // assets, branches (their heads reference commits), namespaces (assets referenced them),
    // each commit's changes then the commits.
    this.catalogSteps =
        List.of(TAGS, HISTORY, ASSETS, BRANCHES, NAMESPACES, CHANGES, COMMITS).stream()
            .map(sql::compile)
            .toList();
    this.catalog = sql.compile(CATALOG);
    this.anyCatalog = sql.compile(ANY_CATALOG);
    this.warehouses = sql.compile(WAREHOUSES);
    this.tenant = sql.compile(TENANT);
  }

  /** A recorded purge, claimed. */
  record Claimed(UUID tenant, UUID purgeId, String kind, Optional<UUID> catalog, String name) {
    boolean isTenant() {
      return "TENANT".equals(kind);
    }
  }

  /** The purge this batch works on, locked; empty if there is none that no other store runs. */
  Optional<Claimed> claim(Connection connection) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, claim)) {
      return query.queryOne(
          row ->
              new Claimed(
                  row.getObject("tenant_id", UUID.class),
                  row.getObject("purge_id", UUID.class),
                  row.getString("kind"),
                  Optional.ofNullable(row.getObject("catalog_id", UUID.class)),
                  row.getString("name")));
    }
  }

  /**
   * One batch of a catalog's purge: the first step that still finds rows removes up to {@code
   * batch} of them (a cascade may add what a racing call wrote); once none does, the catalog's row
   * goes. Returns the rows removed, and whether the catalog is gone.
   */
  Batch catalogBatch(Connection connection, UUID tenant, UUID catalogId, int batch)
      throws SQLException {
    for (NamedSql step : catalogSteps) {
      try (SqlStatement statement = SqlStatement.prepare(connection, step)) {
        int removed =
            statement
                .uuid("tenant", tenant)
                .uuid("catalog_id", catalogId)
                .integer("batch", batch)
                .update();
        if (removed > 0) {
          return new Batch(removed, false);
        }
      }
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, catalog)) {
      int removed = statement.uuid("tenant", tenant).uuid("catalog_id", catalogId).update();
      return new Batch(removed, true);
    }
  }

  /**
   * One batch of a tenant's purge, once its catalog purges are done: a catalog it still has,
   * through {@link #catalogBatch}; else up to {@code batch} warehouses; else the tenant's row.
   */
  Batch tenantBatch(Connection connection, UUID tenantId, int batch) throws SQLException {
    Optional<UUID> leftover;
    try (SqlStatement query = SqlStatement.prepare(connection, anyCatalog)) {
      leftover = query.uuid("tenant", tenantId).queryOne(row -> row.getObject(1, UUID.class));
    }
    if (leftover.isPresent()) {
      Batch step = catalogBatch(connection, tenantId, leftover.get(), batch);
      return new Batch(step.rows(), false);
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, warehouses)) {
      int removed = statement.uuid("tenant", tenantId).integer("batch", batch).update();
      if (removed > 0) {
        return new Batch(removed, false);
      }
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, tenant)) {
      return new Batch(statement.uuid("tenant", tenantId).update(), true);
    }
  }

  /** Records a batch of an unfinished purge: its batches and rows so far. */
  Progress progress(Connection connection, Claimed purge, int rows, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, progress)) {
      return statement
          .uuid("tenant", purge.tenant())
          .uuid("purge_id", purge.purgeId())
          .integer("rows", rows)
          .timestamp("now", now)
          .queryOne(row -> new Progress(row.getLong("batches"), row.getLong("rows_purged")))
          .orElseThrow();
    }
  }

  /** What one batch removed, and whether that finished its purge. */
  record Batch(int rows, boolean finished) {}

  /** A purge's batches and rows so far. */
  record Progress(long batches, long rows) {}
}
