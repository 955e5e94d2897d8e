package dev.catalogstore.jdbc.federation;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.CatalogType;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.federation.SyncStatus;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.CommitWrites;
import dev.catalogstore.jdbc.commit.ContentJson;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.secret.CredentialSealing;
import dev.catalogstore.jdbc.sql.Json;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a sync. Every step that touches many rows is one statement over arrays ({@code
 * unnest}), so a sync costs the same dozen round trips whether the remote holds ten tables or ten
 * thousand:
 *
 * <ol>
 *   <li>{@link #catalog}: the catalog and its connector (before the connector runs; no lock);
 *   <li>{@link #lockMain}: the catalog ({@code FOR KEY SHARE}) and its {@code main} branch ({@code
 *       FOR NO KEY UPDATE}, the lock every change of the branch takes first), then {@link
 *       #namespaces} ({@code FOR UPDATE}: namespaces belong to the catalog, not to the branch, so
 *       without it a namespace deleted, changed or given a child by hand while the sync applies
 *       would make the plan's counts wrong) and {@link #mainAssets}: the mirror as it is;
 *   <li>the plan applied: {@link #deleteAssets}, {@link #deleteNamespaces}, {@link
 *       #insertNamespaces}, {@link #updateNamespaces}, {@link #insertTables}, {@link #moveTables}
 *       and {@link #commit} (the one commit on {@code main} and its head move);
 *   <li>{@link #upsertStats}, and the audit event ({@code audit/AuditSql}).
 * </ol>
 */
final class FederationSql {
  private final CredentialSealing sealing;

  /** One row: what exists of the catalog, and its type and connector. */
  private static final String CATALOG =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             c.catalog_id, c.name, c.catalog_type, c.connector_type, c.connector_options,
             c.connector_credentials
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      """;

  /** One row: what exists of the catalog, and its last sync's stats (NULL if none). */
  private static final String STATS =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             s.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.catalog_sync_stats s
          ON s.tenant_id = c.tenant_id AND s.catalog_id = c.catalog_id
      """;

  /** The catalog's main branch, locked; no row if the catalog is gone. */
  private static final String LOCK_MAIN =
      """
      SELECT b.branch_id, b.head_commit_id, b.head_generation, b.head_created_at, b.updated_at
      FROM ${schema}.catalogs c
      JOIN ${schema}.branches b ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id
      WHERE c.tenant_id = :tenant AND c.catalog_id = :catalog_id AND c.name IS NOT NULL
        AND b.name = :main
      FOR KEY SHARE OF c FOR NO KEY UPDATE OF b
      """;

  private static final String NAMESPACES =
      """
      SELECT n.namespace_id, n.path, n.properties
      FROM ${schema}.namespaces n
      WHERE n.tenant_id = :tenant AND n.catalog_id = :catalog_id
      FOR UPDATE OF n
      """;

  private static final String MAIN_ASSETS =
      """
      SELECT a.asset_id, n.path, a.name, a.kind, a.location, a.metadata_location, a.properties
      FROM ${schema}.assets a
      JOIN ${schema}.namespaces n ON n.tenant_id = a.tenant_id AND n.namespace_id = a.namespace_id
      WHERE a.tenant_id = :tenant AND a.branch_id = :branch_id
      """;

  /** Deletes assets of the branch; their history goes with them (a cascade). */
  private static final String DELETE_ASSETS =
      """
      DELETE FROM ${schema}.assets a
      WHERE a.tenant_id = :tenant AND a.branch_id = :branch_id
        AND a.asset_id = ANY(:ids::uuid[])
      """;

  /**
   * Deletes namespaces of the catalog, all in one statement, so a parent and its children go
   * together (the parent key is checked at the end of the statement).
   */
  private static final String DELETE_NAMESPACES =
      """
      DELETE FROM ${schema}.namespaces n
      WHERE n.tenant_id = :tenant AND n.catalog_id = :catalog_id
        AND n.namespace_id = ANY(:ids::uuid[])
      """;

  /** Creates namespaces, parents and children in one statement. Paths come as JSON arrays. */
  private static final String INSERT_NAMESPACES =
      """
      INSERT INTO ${schema}.namespaces
          (tenant_id, namespace_id, catalog_id, path, path_key, parent_key, properties,
           created_at, updated_at)
      SELECT :tenant, r.namespace_id, :catalog_id,
             ARRAY(SELECT jsonb_array_elements_text(r.path::jsonb)), r.path_key, r.parent_key,
             r.properties::jsonb, :now, :now
      FROM unnest(:ids::uuid[], :paths::text[], :path_keys::bytea[], :parent_keys::bytea[],
                  :properties::text[])
          AS r(namespace_id, path, path_key, parent_key, properties)
      """;

  private static final String UPDATE_NAMESPACES =
      """
      UPDATE ${schema}.namespaces n
      SET properties = r.properties::jsonb,
          updated_at = GREATEST(:now, n.updated_at)
      FROM unnest(:ids::uuid[], :properties::text[]) AS r(namespace_id, properties)
      WHERE n.tenant_id = :tenant AND n.namespace_id = r.namespace_id
      """;

  /** Creates Iceberg tables on the branch, each with history entry 1. */
  private static final String INSERT_TABLES =
      """
      WITH created AS (
          INSERT INTO ${schema}.assets
              (tenant_id, asset_id, branch_id, namespace_id, name, kind, location,
               metadata_location, metadata_sequence, properties, created_at, updated_at)
          SELECT :tenant, r.asset_id, :branch_id, r.namespace_id, r.name, :kind, NULL,
                 r.metadata_location, 1, '{}'::jsonb, :now, :now
          FROM unnest(:ids::uuid[], :namespace_ids::uuid[], :names::text[],
                      :metadata_locations::text[])
              AS r(asset_id, namespace_id, name, metadata_location)
          RETURNING tenant_id, asset_id, metadata_location, created_at
      )
      INSERT INTO ${schema}.metadata_history
          (tenant_id, asset_id, sequence, location, previous_location, committed_at)
      SELECT tenant_id, asset_id, 1, metadata_location, NULL, created_at
      FROM created
      """;

  /** Commits tables of the branch to new metadata locations, appending to their history. */
  private static final String MOVE_TABLES =
      """
      WITH moved AS (
          UPDATE ${schema}.assets a
          SET metadata_location = r.metadata_location,
              metadata_sequence = a.metadata_sequence + 1,
              updated_at = GREATEST(:now, a.updated_at)
          FROM unnest(:ids::uuid[], :metadata_locations::text[], :previous_locations::text[])
              AS r(asset_id, metadata_location, previous_location)
          WHERE a.tenant_id = :tenant AND a.branch_id = :branch_id AND a.asset_id = r.asset_id
          RETURNING a.tenant_id, a.asset_id, a.metadata_sequence, a.metadata_location,
                    r.previous_location, a.updated_at
      )
      INSERT INTO ${schema}.metadata_history
          (tenant_id, asset_id, sequence, location, previous_location, committed_at)
      SELECT tenant_id, asset_id, metadata_sequence, metadata_location, previous_location,
             updated_at
      FROM moved
      """;

  /** The commit and the head move ({@link CommitWrites#STEPS}); returns the heads moved. */
  private static final String COMMIT =
      """
      WITH sync AS (SELECT 1)%s
      SELECT count(*) AS moved
      FROM moved
      """
          .formatted(CommitWrites.STEPS);

  /** The catalog's last sync, replacing the one before; nothing if the catalog is gone. */
  private static final String UPSERT_STATS =
      """
      INSERT INTO ${schema}.catalog_sync_stats
          (tenant_id, catalog_id, catalog_name, started_at, finished_at, namespaces_added,
           namespaces_updated, namespaces_removed, tables_added, tables_updated, tables_removed,
           status, error)
      SELECT c.tenant_id, c.catalog_id, :catalog_name, :started_at, :finished_at,
             :namespaces_added, :namespaces_updated, :namespaces_removed, :tables_added,
             :tables_updated, :tables_removed, :status, :error::text
      FROM ${schema}.catalogs c
      WHERE c.tenant_id = :tenant AND c.catalog_id = :catalog_id AND c.name IS NOT NULL
      ON CONFLICT (tenant_id, catalog_id) DO UPDATE
      SET catalog_name = EXCLUDED.catalog_name,
          started_at = EXCLUDED.started_at,
          finished_at = EXCLUDED.finished_at,
          namespaces_added = EXCLUDED.namespaces_added,
          namespaces_updated = EXCLUDED.namespaces_updated,
          namespaces_removed = EXCLUDED.namespaces_removed,
          tables_added = EXCLUDED.tables_added,
          tables_updated = EXCLUDED.tables_updated,
          tables_removed = EXCLUDED.tables_removed,
          status = EXCLUDED.status,
          error = EXCLUDED.error
      """;

  private final NamedSql catalog;
  private final NamedSql stats;
  private final NamedSql lockMain;
  private final NamedSql namespaces;
  private final NamedSql mainAssets;
  private final NamedSql deleteAssets;
  private final NamedSql deleteNamespaces;
  private final NamedSql insertNamespaces;
  private final NamedSql updateNamespaces;
  private final NamedSql insertTables;
  private final NamedSql moveTables;
  private final NamedSql commit;
  private final NamedSql upsertStats;

  /**
   * @param sealing opens the connector's credentials, which the connector gets in plain form
   */
  FederationSql(SqlText sql, CredentialSealing sealing) {
    this.sealing = sealing;
    this.catalog = sql.compile(CATALOG);
    this.stats = sql.compile(STATS);
    this.lockMain = sql.compile(LOCK_MAIN);
    this.namespaces = sql.compile(NAMESPACES);
    this.mainAssets = sql.compile(MAIN_ASSETS);
    this.deleteAssets = sql.compile(DELETE_ASSETS);
    this.deleteNamespaces = sql.compile(DELETE_NAMESPACES);
    this.insertNamespaces = sql.compile(INSERT_NAMESPACES);
    this.updateNamespaces = sql.compile(UPDATE_NAMESPACES);
    this.insertTables = sql.compile(INSERT_TABLES);
    this.moveTables = sql.compile(MOVE_TABLES);
    this.commit = sql.compile(COMMIT);
    this.upsertStats = sql.compile(UPSERT_STATS);
  }

  /** The catalog, or the outermost missing part of its address. */
  Target catalog(Connection connection, TenantId tenant, String name) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, catalog)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", name)
          .queryOne(
              row -> {
                Optional<ObjectType> missing =
                    NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG);
                if (missing.isPresent()) {
                  return new Target(missing, null, null, null, null);
                }
                CatalogType type = CatalogType.valueOf(row.getString("catalog_type"));
                ConnectorConfig config =
                    type == CatalogType.FEDERATED
                        ? new ConnectorConfig(
                            row.getString("connector_type"),
                            Rows.json(row, "connector_options"),
                            sealing.open(
                                tenant,
                                row.getString("name"),
                                row.getBytes("connector_credentials")))
                        : null;
                return new Target(
                    Optional.empty(),
                    Rows.uuid(row, "catalog_id"),
                    row.getString("name"),
                    type,
                    config);
              })
          .orElseThrow();
    }
  }

  /** The catalog's last stats (empty if none), or the outermost missing part of its address. */
  StatsRead stats(Connection connection, TenantId tenant, String name) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, stats)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", name)
          .queryOne(
              row -> {
                Optional<ObjectType> missing =
                    NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG);
                if (missing.isPresent() || row.getString("status") == null) {
                  return new StatsRead(missing, Optional.empty());
                }
                return new StatsRead(
                    Optional.empty(),
                    Optional.of(
                        new SyncStats(
                            row.getString("catalog_name"),
                            Rows.instant(row, "started_at"),
                            Rows.instant(row, "finished_at"),
                            row.getInt("namespaces_added"),
                            row.getInt("namespaces_updated"),
                            row.getInt("namespaces_removed"),
                            row.getInt("tables_added"),
                            row.getInt("tables_updated"),
                            row.getInt("tables_removed"),
                            SyncStatus.valueOf(row.getString("status")),
                            Rows.optionalText(row, "error"))));
              })
          .orElseThrow();
    }
  }

  /** Locks the catalog's main branch; empty if the catalog is gone. */
  Optional<Main> lockMain(Connection connection, TenantId tenant, UUID catalogId)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lockMain)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .text("main", BranchRef.MAIN)
          .queryOne(
              row ->
                  new Main(
                      Rows.uuid(row, "branch_id"),
                      new CommitId(Rows.uuid(row, "head_commit_id")),
                      row.getLong("head_generation"),
                      Rows.instant(row, "head_created_at"),
                      Rows.instant(row, "updated_at")));
    }
  }

  /** Every namespace of the catalog, by path. */
  Map<NamespacePath, MirroredNamespace> namespaces(
      Connection connection, TenantId tenant, UUID catalogId) throws SQLException {
    Map<NamespacePath, MirroredNamespace> found = new HashMap<>();
    try (SqlStatement query = SqlStatement.prepare(connection, namespaces)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .query(
              row ->
                  found.put(
                      new NamespacePath(Rows.textArray(row, "path")),
                      new MirroredNamespace(
                          Rows.uuid(row, "namespace_id"), Rows.json(row, "properties"))));
    }
    return found;
  }

  /** Every asset of the branch, by key. */
  Map<AssetKey, MirroredAsset> mainAssets(Connection connection, TenantId tenant, UUID branchId)
      throws SQLException {
    Map<AssetKey, MirroredAsset> found = new HashMap<>();
    try (SqlStatement query = SqlStatement.prepare(connection, mainAssets)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("branch_id", branchId)
          .query(
              row ->
                  found.put(
                      new AssetKey(
                          new NamespacePath(Rows.textArray(row, "path")), row.getString("name")),
                      new MirroredAsset(Rows.uuid(row, "asset_id"), content(row))));
    }
    return found;
  }

  private static AssetContent content(ResultSet row) throws SQLException {
    return new AssetContent(
        AssetKind.valueOf(row.getString("kind")),
        Rows.optionalText(row, "location"),
        Rows.optionalText(row, "metadata_location"),
        Rows.json(row, "properties"));
  }

  int deleteAssets(Connection connection, TenantId tenant, UUID branchId, List<UUID> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, deleteAssets)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("branch_id", branchId)
          .uuidArray("ids", ids)
          .update();
    }
  }

  int deleteNamespaces(Connection connection, TenantId tenant, UUID catalogId, List<UUID> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, deleteNamespaces)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .uuidArray("ids", ids)
          .update();
    }
  }

  /** Creates the namespaces {@code added} (path to id and properties), parents first. */
  int insertNamespaces(
      Connection connection,
      TenantId tenant,
      UUID catalogId,
      Map<NamespacePath, MirroredNamespace> added,
      Instant now)
      throws SQLException {
    if (added.isEmpty()) {
      return 0;
    }
    List<UUID> ids = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<byte[]> pathKeys = new ArrayList<>();
    List<byte[]> parentKeys = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    added.forEach(
        (path, namespace) -> {
          ids.add(namespace.id());
          paths.add(ContentJson.path(path));
          pathKeys.add(NamespaceKey.of(path));
          parentKeys.add(NamespaceKey.ofParent(path));
          properties.add(Json.write(namespace.properties()));
        });
    try (SqlStatement statement = SqlStatement.prepare(connection, insertNamespaces)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .uuidArray("ids", ids)
          .textArray("paths", paths)
          .bytesArray("path_keys", pathKeys)
          .bytesArray("parent_keys", parentKeys)
          .textArray("properties", properties)
          .timestamp("now", now)
          .update();
    }
  }

  /** Replaces the properties of the namespaces {@code ids}. */
  int updateNamespaces(
      Connection connection,
      TenantId tenant,
      List<UUID> ids,
      List<Map<String, String>> properties,
      Instant now)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, updateNamespaces)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuidArray("ids", ids)
          .textArray("properties", properties.stream().map(Json::write).toList())
          .timestamp("now", now)
          .update();
    }
  }

  /** Creates Iceberg tables on the branch; returns how many history entries it wrote. */
  int insertTables(
      Connection connection,
      TenantId tenant,
      UUID branchId,
      List<UUID> ids,
      List<UUID> namespaceIds,
      List<String> names,
      List<String> metadataLocations,
      Instant now)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, insertTables)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("branch_id", branchId)
          .text("kind", AssetKind.ICEBERG_TABLE.name())
          .uuidArray("ids", ids)
          .uuidArray("namespace_ids", namespaceIds)
          .textArray("names", names)
          .textArray("metadata_locations", metadataLocations)
          .timestamp("now", now)
          .update();
    }
  }

  /** Moves tables of the branch to new metadata locations; returns the history entries written. */
  int moveTables(
      Connection connection,
      TenantId tenant,
      UUID branchId,
      List<UUID> ids,
      List<String> metadataLocations,
      List<String> previousLocations,
      Instant now)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, moveTables)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("branch_id", branchId)
          .uuidArray("ids", ids)
          .textArray("metadata_locations", metadataLocations)
          .textArray("previous_locations", previousLocations)
          .timestamp("now", now)
          .update();
    }
  }

  /** Writes {@code commit} and moves the head as {@code move} says; returns the heads moved. */
  long commit(
      Connection connection,
      TenantId tenant,
      UUID catalogId,
      CommitWrites.NewCommit commit,
      CommitWrites.HeadMove move)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, this.commit)) {
      return CommitWrites.bind(statement, tenant, catalogId, Optional.of(commit), move)
          .queryOne(row -> row.getLong("moved"))
          .orElseThrow();
    }
  }

  /** Records {@code stats} as the catalog's last; false if the catalog is gone. */
  boolean upsertStats(Connection connection, TenantId tenant, UUID catalogId, SyncStats stats)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, upsertStats)) {
      return statement
              .uuid("tenant", tenant.value())
              .uuid("catalog_id", catalogId)
              .text("catalog_name", stats.catalog())
              .timestamp("started_at", stats.startedAt())
              .timestamp("finished_at", stats.finishedAt())
              .integer("namespaces_added", stats.namespacesAdded())
              .integer("namespaces_updated", stats.namespacesUpdated())
              .integer("namespaces_removed", stats.namespacesRemoved())
              .integer("tables_added", stats.tablesAdded())
              .integer("tables_updated", stats.tablesUpdated())
              .integer("tables_removed", stats.tablesRemoved())
              .text("status", stats.status().name())
              .text("error", stats.error().orElse(null))
              .update()
          == 1;
    }
  }

  /**
   * The catalog a sync is of.
   *
   * @param missing the outermost missing part of its address, if any (then the rest is null)
   * @param catalogId its id
   * @param name its name
   * @param type its type
   * @param connector its connector settings; null for a LOCAL catalog
   */
  record Target(
      Optional<ObjectType> missing,
      UUID catalogId,
      String name,
      CatalogType type,
      ConnectorConfig connector) {}

  /**
   * What {@link #stats} read.
   *
   * @param missing the outermost missing part of the catalog's address, if any
   * @param stats the last sync's stats, if any
   */
  record StatsRead(Optional<ObjectType> missing, Optional<SyncStats> stats) {}

  /**
   * The catalog's main branch, locked.
   *
   * @param branchId the branch
   * @param head its head
   * @param headGeneration its head's generation
   * @param headCreatedAt its head's time
   * @param updatedAt when its head last moved
   */
  record Main(
      UUID branchId,
      CommitId head,
      long headGeneration,
      Instant headCreatedAt,
      Instant updatedAt) {}

  /**
   * A namespace of the mirror.
   *
   * @param id its id
   * @param properties its properties
   */
  record MirroredNamespace(UUID id, Map<String, String> properties) {}

  /**
   * An asset of the mirror's main branch.
   *
   * @param id its id
   * @param content its content
   */
  record MirroredAsset(UUID id, AssetContent content) {}
}
