package dev.catalogstore.jdbc.branch;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.CommitWrites;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a merge, which runs as one transaction:
 *
 * <ol>
 *   <li>{@link #lockHeads}: the target branch's row locked ({@code FOR NO KEY UPDATE}, the lock
 *       every change of the target takes first), and the source branch read, in one statement;
 *   <li>the history since the merge base, read by {@link
 *       dev.catalogstore.jdbc.commit.StoredHistory};
 *   <li>{@link #targetAssets}: the target's assets at the keys the history changed, by index, in
 *       one batch;
 *   <li>{@link #apply}: the plan applied to the target's assets, the merge commit (if any) written
 *       and the target's head moved, in one statement.
 * </ol>
 *
 * Every statement after the lock reads what was committed before it, and nothing can change the
 * target's assets or head while the lock is held, so what the merge decided on is what it changes.
 */
final class MergeSql {
  /**
   * One row: what exists of the address, the source branch and the target branch (locked). The lock
   * is taken in a CTE, since an outer join's nullable side cannot be locked.
   */
  private static final String LOCK_HEADS =
      """
      WITH target AS (
          SELECT b.*
          FROM ${schema}.catalogs c
          JOIN ${schema}.branches b ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id
          WHERE c.tenant_id = :tenant AND c.name = :catalog AND b.name = :target
          FOR KEY SHARE OF c FOR NO KEY UPDATE OF b
      )
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             c.catalog_id,
             s.branch_id AS source_branch_id, s.branch_type AS source_type,
             s.head_commit_id AS source_head, s.head_generation AS source_generation,
             s.head_created_at AS source_head_created_at, s.partial AS source_partial,
             g.branch_id AS target_branch_id, g.branch_type AS target_type,
             g.head_commit_id AS target_head, g.head_generation AS target_generation,
             g.head_created_at AS target_head_created_at, g.partial AS target_partial,
             s.updated_at AS source_updated_at, g.updated_at AS target_updated_at
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.branches s
          ON s.tenant_id = c.tenant_id AND s.catalog_id = c.catalog_id AND s.name = :source
      LEFT JOIN target g ON true
      """;

  /**
   * The target's namespace and asset at each key, by index (assets_name_uq). A key whose namespace
   * does not exist has no row; one without an asset has NULL asset columns.
   */
  private static final String TARGET_ASSETS =
      """
      SELECT k.ordinal, n.namespace_id, n.path, a.asset_id, a.kind, a.location,
             a.metadata_location, a.properties
      FROM unnest(:path_keys::bytea[], :names::text[]) WITH ORDINALITY AS k(path_key, name, ordinal)
      JOIN ${schema}.namespaces n
          ON n.tenant_id = :tenant AND n.catalog_id = :catalog_id AND n.path_key = k.path_key
      LEFT JOIN ${schema}.assets a
          ON a.tenant_id = :tenant AND a.namespace_id = n.namespace_id
          AND a.branch_id = :branch_id AND a.name = k.name COLLATE "C"
      """;

  /**
   * Applies a plan to the target's assets: deletes, replacements in place (same id, a history entry
   * when the metadata location changes to another present one, the history dropped when it becomes
   * absent) and creations (new ids, history entry 1), then the commit and the head ({@link
   * CommitWrites#STEPS}). Returns how many rows each step changed.
   */
  private static final String APPLY =
      """
      WITH doomed AS (
          DELETE FROM ${schema}.assets a
          WHERE a.tenant_id = :tenant AND a.branch_id = :branch_id
            AND a.asset_id = ANY(:delete_ids::uuid[])
          RETURNING a.asset_id
      ), replaced AS (
          UPDATE ${schema}.assets a
          SET kind = r.kind,
              location = r.location,
              metadata_location = r.metadata_location,
              metadata_sequence = CASE
                  WHEN r.metadata_location IS NULL THEN 0
                  WHEN r.metadata_location IS DISTINCT FROM r.previous_location
                      THEN a.metadata_sequence + 1
                  ELSE a.metadata_sequence END,
              properties = r.properties::jsonb,
              updated_at = GREATEST(:now, a.updated_at)
          FROM unnest(:update_ids::uuid[], :update_kinds::text[], :update_locations::text[],
                      :update_metadata_locations::text[], :update_previous_locations::text[],
                      :update_properties::text[])
              AS r(asset_id, kind, location, metadata_location, previous_location, properties)
          WHERE a.tenant_id = :tenant AND a.branch_id = :branch_id AND a.asset_id = r.asset_id
          RETURNING a.tenant_id, a.asset_id, a.metadata_sequence, a.metadata_location,
                    r.previous_location, a.updated_at,
                    r.metadata_location IS NOT NULL
                        AND r.metadata_location IS DISTINCT FROM r.previous_location AS appends
      ), created AS (
          INSERT INTO ${schema}.assets
              (tenant_id, asset_id, branch_id, namespace_id, name, kind, location,
               metadata_location, metadata_sequence, properties, created_at, updated_at)
          SELECT :tenant, r.asset_id, :branch_id, r.namespace_id, r.name, r.kind, r.location,
                 r.metadata_location, CASE WHEN r.metadata_location IS NULL THEN 0 ELSE 1 END,
                 r.properties::jsonb, :now, :now
          FROM unnest(:insert_ids::uuid[], :insert_namespace_ids::uuid[], :insert_names::text[],
                      :insert_kinds::text[], :insert_locations::text[],
                      :insert_metadata_locations::text[], :insert_properties::text[])
              AS r(asset_id, namespace_id, name, kind, location, metadata_location, properties)
          RETURNING tenant_id, asset_id, metadata_location, created_at
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT p.tenant_id, p.asset_id, p.metadata_sequence, p.metadata_location,
                 p.previous_location, p.updated_at
          FROM replaced p
          WHERE p.appends
          UNION ALL
          SELECT c.tenant_id, c.asset_id, 1, c.metadata_location, NULL, c.created_at
          FROM created c
          WHERE c.metadata_location IS NOT NULL
      ), cleared AS (
          DELETE FROM ${schema}.metadata_history h
          USING replaced p
          WHERE h.tenant_id = p.tenant_id AND h.asset_id = p.asset_id
            AND p.metadata_location IS NULL
      )%s
      SELECT (SELECT count(*) FROM doomed) AS deleted,
             (SELECT count(*) FROM replaced) AS replaced,
             (SELECT count(*) FROM created) AS created,
             (SELECT count(*) FROM moved) AS moved
      """
          .formatted(CommitWrites.STEPS);

  private final NamedSql lockHeads;
  private final NamedSql targetAssets;
  private final NamedSql apply;

  MergeSql(SqlText sql) {
    this.lockHeads = sql.compile(LOCK_HEADS);
    this.targetAssets = sql.compile(TARGET_ASSETS);
    this.apply = sql.compile(APPLY);
  }

  /** Locks the target's row and reads both branches. */
  Heads lockHeads(Connection connection, TenantId tenant, BranchRef source, BranchRef target)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lockHeads)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", source.catalog())
          .text("source", source.branch())
          .text("target", target.branch())
          .queryOne(MergeSql::heads)
          .orElseThrow();
    }
  }

  private static Heads heads(ResultSet row) throws SQLException {
    Optional<ObjectType> missing = NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG);
    if (missing.isPresent()) {
      return new Heads(missing, null, null, null, false);
    }
    Optional<Head> source = head(row, "source");
    Optional<Head> target = head(row, "target");
    if (source.isEmpty()) {
      return new Heads(Optional.of(ObjectType.BRANCH), null, null, null, true);
    }
    if (target.isEmpty()) {
      return new Heads(Optional.of(ObjectType.BRANCH), null, null, null, false);
    }
    return new Heads(
        Optional.empty(), Rows.uuid(row, "catalog_id"), source.get(), target.get(), false);
  }

  private static Optional<Head> head(ResultSet row, String side) throws SQLException {
    UUID branchId = Rows.uuid(row, side + "_branch_id");
    if (branchId == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Head(
            branchId,
            BranchType.valueOf(row.getString(side + "_type")),
            new CommitId(Rows.uuid(row, side + "_head")),
            row.getLong(side + "_generation"),
            Rows.instant(row, side + "_head_created_at"),
            row.getBoolean(side + "_partial"),
            Rows.instant(row, side + "_updated_at")));
  }

  /**
   * The target's namespace and asset at each of {@code keys}: a key missing from the result has no
   * namespace (so no asset either).
   */
  Map<AssetKey, TargetAsset> targetAssets(
      Connection connection,
      TenantId tenant,
      UUID catalogId,
      UUID branchId,
      Collection<AssetKey> keys)
      throws SQLException {
    List<AssetKey> ordered = new ArrayList<>(keys);
    List<byte[]> pathKeys = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (AssetKey key : ordered) {
      pathKeys.add(NamespaceKey.of(key.namespace()));
      names.add(key.name());
    }
    Map<AssetKey, TargetAsset> found = new HashMap<>();
    try (SqlStatement query = SqlStatement.prepare(connection, targetAssets)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .uuid("branch_id", branchId)
          .bytesArray("path_keys", pathKeys)
          .textArray("names", names)
          .query(
              row -> {
                AssetKey key = ordered.get((int) row.getLong("ordinal") - 1);
                // The path key is a hash: the path itself decides, as in every other statement.
                if (new NamespacePath(Rows.textArray(row, "path")).equals(key.namespace())) {
                  found.put(key, targetAsset(row));
                }
                return null;
              });
    }
    return found;
  }

  private static TargetAsset targetAsset(ResultSet row) throws SQLException {
    UUID namespaceId = Rows.uuid(row, "namespace_id");
    UUID assetId = Rows.uuid(row, "asset_id");
    if (assetId == null) {
      return new TargetAsset(namespaceId, null, Optional.empty());
    }
    return new TargetAsset(
        namespaceId,
        assetId,
        Optional.of(
            new AssetContent(
                AssetKind.valueOf(row.getString("kind")),
                Rows.optionalText(row, "location"),
                Rows.optionalText(row, "metadata_location"),
                Rows.json(row, "properties"))));
  }

  /**
   * Applies {@code changes} to the target's assets {@code current} (read under the lock, every
   * changed key present, with its namespace for a creation), writes {@code commit} if any and moves
   * the head as {@code move} says.
   *
   * @throws IllegalStateException if a step changed another number of rows than planned
   */
  void apply(
      Connection connection,
      TenantId tenant,
      UUID catalogId,
      List<AssetChange> changes,
      Map<AssetKey, TargetAsset> current,
      Optional<CommitWrites.NewCommit> commit,
      CommitWrites.HeadMove move,
      Instant now)
      throws SQLException {
    List<UUID> deleteIds = new ArrayList<>();
    Replacements updates = new Replacements();
    Replacements inserts = new Replacements();
    for (AssetChange change : changes) {
      TargetAsset target = current.get(change.key());
      if (change.after().isEmpty()) {
        deleteIds.add(target.assetId());
      } else if (target.assetId() != null) {
        updates.add(target.assetId(), null, change.key(), change.after().get(), target.content());
      } else {
        inserts.add(
            UUID.randomUUID(),
            target.namespaceId(),
            change.key(),
            change.after().get(),
            Optional.empty());
      }
    }
    long[] counts;
    try (SqlStatement statement = SqlStatement.prepare(connection, apply)) {
      CommitWrites.bind(statement, tenant, catalogId, commit, move)
          .timestamp("now", now)
          .uuidArray("delete_ids", deleteIds)
          .uuidArray("update_ids", updates.ids)
          .textArray("update_kinds", updates.kinds)
          .textArray("update_locations", updates.locations)
          .textArray("update_metadata_locations", updates.metadataLocations)
          .textArray("update_previous_locations", updates.previousLocations)
          .textArray("update_properties", updates.properties)
          .uuidArray("insert_ids", inserts.ids)
          .uuidArray("insert_namespace_ids", inserts.namespaceIds)
          .textArray("insert_names", inserts.names)
          .textArray("insert_kinds", inserts.kinds)
          .textArray("insert_locations", inserts.locations)
          .textArray("insert_metadata_locations", inserts.metadataLocations)
          .textArray("insert_properties", inserts.properties);
      counts =
          statement
              .queryOne(
                  row ->
                      new long[] {
                        row.getLong("deleted"),
                        row.getLong("replaced"),
                        row.getLong("created"),
                        row.getLong("moved")
                      })
              .orElseThrow();
    }
    if (counts[0] != deleteIds.size()
        || counts[1] != updates.ids.size()
        || counts[2] != inserts.ids.size()
        || counts[3] != 1) {
      throw new IllegalStateException(
          "the merge changed other rows than it planned: deleted %d of %d, replaced %d of %d, created %d of %d, moved %d head"
              .formatted(
                  counts[0],
                  deleteIds.size(),
                  counts[1],
                  updates.ids.size(),
                  counts[2],
                  inserts.ids.size(),
                  counts[3]));
    }
  }

  /** Column arrays of assets to write. */
  private static final class Replacements {
    final List<UUID> ids = new ArrayList<>();
    final List<UUID> namespaceIds = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();
    final List<String> locations = new ArrayList<>();
    final List<String> metadataLocations = new ArrayList<>();
    final List<String> previousLocations = new ArrayList<>();
    final List<String> properties = new ArrayList<>();

    void add(
        UUID id,
        UUID namespaceId,
        AssetKey key,
        AssetContent content,
        Optional<AssetContent> previous) {
      ids.add(id);
      namespaceIds.add(namespaceId);
      names.add(key.name());
      kinds.add(content.kind().name());
      locations.add(content.location().orElse(null));
      metadataLocations.add(content.metadataLocation().orElse(null));
      previousLocations.add(previous.flatMap(AssetContent::metadataLocation).orElse(null));
      properties.add(Json.write(content.properties()));
    }
  }

  /**
   * A branch taking part in a merge.
   *
   * @param branchId the branch
   * @param type its type
   * @param head its head
   * @param generation its head's generation
   * @param headCreatedAt its head's time
   * @param partial whether it is partial
   * @param updatedAt when its head last moved
   */
  record Head(
      UUID branchId,
      BranchType type,
      CommitId head,
      long generation,
      Instant headCreatedAt,
      boolean partial,
      Instant updatedAt) {}

  /**
   * What {@link #lockHeads} found.
   *
   * @param missing the outermost missing part (the tenant, the catalog, a branch)
   * @param catalogId the catalog
   * @param source the source branch
   * @param target the target branch, locked
   * @param sourceMissing whether the missing branch is the source (else the target)
   */
  record Heads(
      Optional<ObjectType> missing,
      UUID catalogId,
      Head source,
      Head target,
      boolean sourceMissing) {}

  /**
   * The target at one key.
   *
   * @param namespaceId the key's namespace
   * @param assetId the target's asset there; null if none
   * @param content its content; empty if none
   */
  record TargetAsset(UUID namespaceId, UUID assetId, Optional<AssetContent> content) {}
}
