package dev.catalogstore.jdbc.maintenance;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of a maintenance run, which is one transaction:
 *
 * <ol>
 *   <li>{@link #lock}: the asset's catalog ({@code FOR KEY SHARE}), branch and asset ({@code FOR NO
 *       KEY UPDATE}, the order every change takes them in), with what exists of its address; for an
 *       orphan sweep, {@link #lockAddress} then locks the assets at the same address on every other
 *       branch of the catalog, in asset-id order;
 *   <li>{@link #history}: the history entries of the locked assets;
 *   <li>{@link #referencedByHeads} and {@link #taggedCommits}: what references the candidates'
 *       locations from outside those entries (the tagged commits' contents are folded by {@link
 *       dev.catalogstore.api.spi.HistoryPruning#taggedLocations});
 *   <li>{@link #delete}: the pruned entries removed (the others keep their sequence numbers).
 * </ol>
 *
 * The run's audit event is inserted in the same transaction ({@code audit/AuditSql}). While the
 * locks are held no commit can change the locked assets' locations or their branch's head.
 */
final class MaintenanceSql {
  /**
   * One row: what exists of the address, and the asset, locked. The locks are taken in CTEs, since
   * an outer join's nullable side cannot be locked.
   */
  private static final String LOCK =
      """
      WITH head AS (
          SELECT b.tenant_id, b.catalog_id, b.branch_id
          FROM ${schema}.catalogs c
          JOIN ${schema}.branches b ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id
          WHERE c.tenant_id = :tenant AND c.name = :catalog AND b.name = :branch
          FOR KEY SHARE OF c FOR NO KEY UPDATE OF b
      ), target AS (
          SELECT a.asset_id
          FROM head h
          JOIN ${schema}.namespaces n
              ON n.tenant_id = h.tenant_id AND n.catalog_id = h.catalog_id
              AND n.path_key = :path_key AND n.path = :path::text[]
          JOIN ${schema}.assets a
              ON a.tenant_id = h.tenant_id AND a.namespace_id = n.namespace_id
              AND a.branch_id = h.branch_id AND a.name = :name
          FOR NO KEY UPDATE OF a
      )
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             b.branch_id IS NOT NULL AS branch_found,
             n.namespace_id IS NOT NULL AS namespace_found,
             x.asset_id IS NOT NULL AS asset_found,
             c.catalog_id, n.namespace_id, x.asset_id
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.branches b
          ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id AND b.name = :branch
      LEFT JOIN ${schema}.namespaces n
          ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
          AND n.path_key = :path_key AND n.path = :path::text[]
      LEFT JOIN target x ON true
      """;

  /** Locks the assets of the address (namespace and name) on every branch, in asset-id order. */
  private static final String LOCK_ADDRESS =
      """
      SELECT a.asset_id
      FROM ${schema}.assets a
      WHERE a.tenant_id = :tenant AND a.namespace_id = :namespace_id AND a.name = :name
      ORDER BY a.asset_id
      FOR NO KEY UPDATE
      """;

  /** The history entries of the assets, by asset and sequence. */
  private static final String HISTORY =
      """
      SELECT h.asset_id, h.sequence, h.location, h.previous_location, h.committed_at
      FROM ${schema}.metadata_history h
      WHERE h.tenant_id = :tenant AND h.asset_id = ANY(:asset_ids::uuid[])
      ORDER BY h.asset_id, h.sequence
      """;

  /** Which of the locations an asset of the catalog holds on any branch (its head's content). */
  private static final String REFERENCED_BY_HEADS =
      """
      SELECT DISTINCT a.metadata_location
      FROM ${schema}.branches b
      JOIN ${schema}.assets a ON a.tenant_id = b.tenant_id AND a.branch_id = b.branch_id
      WHERE b.tenant_id = :tenant AND b.catalog_id = :catalog_id
        AND a.metadata_location = ANY(:locations::text[])
      """;

  /** The commits the catalog's tags name. */
  private static final String TAGGED_COMMITS =
      """
      SELECT DISTINCT g.commit_id
      FROM ${schema}.tags g
      WHERE g.tenant_id = :tenant AND g.catalog_id = :catalog_id
      """;

  /** Removes the entries (asset, sequence) given. */
  private static final String DELETE =
      """
      DELETE FROM ${schema}.metadata_history h
      USING unnest(:asset_ids::uuid[], :sequences::bigint[]) AS d(asset_id, sequence)
      WHERE h.tenant_id = :tenant AND h.asset_id = d.asset_id AND h.sequence = d.sequence
      """;

  private final NamedSql lock;
  private final NamedSql lockAddress;
  private final NamedSql history;
  private final NamedSql referencedByHeads;
  private final NamedSql taggedCommits;
  private final NamedSql delete;

  MaintenanceSql(SqlText sql) {
    this.lock = sql.compile(LOCK);
    this.lockAddress = sql.compile(LOCK_ADDRESS);
    this.history = sql.compile(HISTORY);
    this.referencedByHeads = sql.compile(REFERENCED_BY_HEADS);
    this.taggedCommits = sql.compile(TAGGED_COMMITS);
    this.delete = sql.compile(DELETE);
  }

  /** Locks the branch and the asset, and says what of the address exists. */
  Locked lock(Connection connection, TenantId tenant, AssetRef asset) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lock)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", asset.catalog())
          .text("branch", asset.branch().branch())
          .bytes("path_key", NamespaceKey.of(asset.namespace()))
          .textArray("path", asset.namespace().segments())
          .text("name", asset.name())
          .queryOne(MaintenanceSql::locked)
          .orElseThrow();
    }
  }

  private static Locked locked(ResultSet row) throws SQLException {
    Optional<ObjectType> missing =
        NotFound.outermost(
            row,
            ObjectType.TENANT,
            ObjectType.CATALOG,
            ObjectType.BRANCH,
            ObjectType.NAMESPACE,
            ObjectType.ASSET);
    if (missing.isPresent()) {
      return new Locked(missing, null, null, null);
    }
    return new Locked(
        Optional.empty(),
        Rows.uuid(row, "catalog_id"),
        Rows.uuid(row, "namespace_id"),
        Rows.uuid(row, "asset_id"));
  }

  /** Locks the assets at {@code name} in the namespace on every branch; returns their ids. */
  List<UUID> lockAddress(Connection connection, TenantId tenant, UUID namespaceId, String name)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lockAddress)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("namespace_id", namespaceId)
          .text("name", name)
          .query(row -> Rows.uuid(row, "asset_id"));
    }
  }

  /** The history entries of {@code assetIds}, by asset and ascending sequence. */
  List<Entry> history(Connection connection, TenantId tenant, Collection<UUID> assetIds)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, history)) {
      return query
          .uuid("tenant", tenant.value())
          .uuidArray("asset_ids", assetIds)
          .query(
              row ->
                  new Entry(
                      Rows.uuid(row, "asset_id"),
                      row.getLong("sequence"),
                      row.getString("location"),
                      Rows.optionalText(row, "previous_location"),
                      Rows.instant(row, "committed_at")));
    }
  }

  /** Which of {@code locations} an asset of the catalog holds on some branch. */
  Set<String> referencedByHeads(
      Connection connection, TenantId tenant, UUID catalogId, Collection<String> locations)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, referencedByHeads)) {
      return new HashSet<>(
          query
              .uuid("tenant", tenant.value())
              .uuid("catalog_id", catalogId)
              .textArray("locations", locations)
              .query(row -> row.getString("metadata_location")));
    }
  }

  /** The commits the catalog's tags name. */
  List<CommitId> taggedCommits(Connection connection, TenantId tenant, UUID catalogId)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, taggedCommits)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .query(row -> new CommitId(Rows.uuid(row, "commit_id")));
    }
  }

  /** Removes {@code entries}; returns how many rows it removed. */
  int delete(Connection connection, TenantId tenant, List<Entry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return 0;
    }
    List<UUID> assetIds = new ArrayList<>();
    List<Long> sequences = new ArrayList<>();
    for (Entry entry : entries) {
      assetIds.add(entry.assetId());
      sequences.add(entry.sequence());
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuidArray("asset_ids", assetIds)
          .bigintArray("sequences", sequences)
          .update();
    }
  }

  /**
   * What {@link #lock} found.
   *
   * @param missing the outermost missing part of the address, if any (then the ids are null)
   * @param catalogId the asset's catalog
   * @param namespaceId the asset's namespace
   * @param assetId the asset, locked
   */
  record Locked(Optional<ObjectType> missing, UUID catalogId, UUID namespaceId, UUID assetId) {}

  /**
   * One history entry.
   *
   * @param assetId whose it is
   * @param sequence its number in that asset's history
   * @param location the location it recorded
   * @param previousLocation the location it replaced
   * @param committedAt when
   */
  record Entry(
      UUID assetId,
      long sequence,
      String location,
      Optional<String> previousLocation,
      Instant committedAt) {
    MetadataLocation metadataLocation() {
      return new MetadataLocation(sequence, location, previousLocation, committedAt);
    }
  }
}
