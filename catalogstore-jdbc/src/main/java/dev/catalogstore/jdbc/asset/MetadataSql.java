package dev.catalogstore.jdbc.asset;

import static dev.catalogstore.jdbc.asset.AssetRows.COLUMNS;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.CommitWrites;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.Json;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The metadata pointer's statements: the compare-and-set of an asset's metadata location, its
 * history, and the two steps of a multi-asset commit.
 *
 * <p>A commit of one asset is one statement: a locking read whose {@code WHERE} requires the stored
 * location to be the expected one, then, in data-modifying CTEs of the same statement, the update,
 * the history entry and the version commit ({@link CommitSteps}). Under concurrent commits of the
 * same asset PostgreSQL serialises the row locks and re-checks the {@code WHERE} against the
 * winner's row, so of N commits holding the same expected location exactly one matches, also across
 * store instances. The commit's new storage location and property changes are part of the same
 * statement, so a lost compare-and-set changes nothing.
 *
 * <p>A multi-asset commit runs in one transaction: {@link #lock} locks the branch, then reads and
 * locks every asset in asset-id order (so two such commits over the same assets cannot deadlock,
 * whatever the order of their requests), the caller checks every expectation against what it read,
 * and {@link #apply} writes all the new states, history entries, the version commit and the new
 * head in one statement.
 */
final class MetadataSql {
  /**
   * Reads the asset with a lock if its location is the expected one, commits the new location and
   * records the commit (one update); nothing if it does not exist or holds another location.
   */
  private static final String COMMIT =
      """
      WITH %s, %s, old AS (
          SELECT a.*
          FROM ${schema}.assets a
          WHERE %s
            AND a.metadata_location IS NOT DISTINCT FROM :expected::text
          FOR NO KEY UPDATE
      ), committed AS (
          UPDATE ${schema}.assets a
          SET metadata_location = :next,
              metadata_sequence = a.metadata_sequence + 1,
              location = COALESCE(:location::text, a.location),
              properties = (a.properties - :remove::text[]) || :set::jsonb,
              updated_at = GREATEST(:now, a.updated_at)
          WHERE %s
          RETURNING a.*
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT tenant_id, asset_id, metadata_sequence, metadata_location, :expected::text,
                 updated_at
          FROM committed
      ), ops AS (
          SELECT 1 AS ordinal, :path::text[] AS namespace, :name::text AS name,
                 %s AS before, %s AS after
          FROM old o
          JOIN committed a ON a.asset_id = o.asset_id
      )%s
      SELECT %s
      FROM committed a
      """
          .formatted(
              CommitSteps.HEAD,
              CommitSteps.PLACE,
              CommitSteps.ASSET,
              CommitSteps.LOCKED_ASSET,
              CommitSteps.content("o"),
              CommitSteps.content("a"),
              CommitSteps.RECORD,
              COLUMNS);

  /**
   * Newest first, on the primary key read backwards. No row: the asset does not exist; one row of
   * NULLs: no (more) history.
   */
  private static final String SELECT_HISTORY_PAGE =
      """
      SELECT h.*
      FROM %s
      JOIN ${schema}.assets a ON %s
      LEFT JOIN LATERAL (
          SELECT h.sequence, h.location, h.previous_location, h.committed_at
          FROM ${schema}.metadata_history h
          WHERE h.tenant_id = a.tenant_id AND h.asset_id = a.asset_id AND h.sequence < :before
          ORDER BY h.sequence DESC
          LIMIT :limit
      ) h ON true
      WHERE %s
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY h.sequence DESC
      """
          .formatted(
              AssetSql.PLACE,
              AssetSql.ASSET_AT_PLACE + " AND a.name = :name",
              AssetSql.WHERE_PLACE);

  /**
   * Locks the branch (first, as every change does) and the assets of the branch named by (path key,
   * name) pairs, each with the request's ordinal, in asset-id order, and returns them with the
   * branch's head. A missing asset has no row.
   */
  private static final String LOCK =
      """
      WITH %s
      SELECT r.ordinal, n.path, h.catalog_id, h.branch_id, h.head_commit_id, h.head_generation,
             h.head_created_at, h.updated_at AS branch_updated_at, %s
      FROM unnest(:ordinals::integer[], :path_keys::bytea[], :names::text[])
          AS r(ordinal, path_key, name)
      JOIN head h ON true
      JOIN ${schema}.namespaces n
          ON n.tenant_id = h.tenant_id AND n.catalog_id = h.catalog_id AND n.path_key = r.path_key
      JOIN ${schema}.assets a
          ON a.tenant_id = h.tenant_id AND a.branch_id = h.branch_id
          AND a.namespace_id = n.namespace_id AND a.name = r.name COLLATE "C"
      ORDER BY a.asset_id
      FOR NO KEY UPDATE OF a
      """
          .formatted(CommitSteps.HEAD, COLUMNS);

  /**
   * Writes the new state of every locked asset and appends its history entry, then the commit and
   * the head move ({@link CommitWrites#STEPS}). The states were computed from the locked rows, so
   * they are written as they are.
   */
  private static final String APPLY =
      """
      WITH next AS (
          SELECT *
          FROM unnest(:asset_ids::uuid[], :metadata_locations::text[],
                      :previous_locations::text[], :locations::text[], :properties::text[])
              AS r(asset_id, metadata_location, previous_location, location, properties)
      ), committed AS (
          UPDATE ${schema}.assets a
          SET metadata_location = r.metadata_location,
              metadata_sequence = a.metadata_sequence + 1,
              location = r.location,
              properties = r.properties::jsonb,
              updated_at = GREATEST(:now, a.updated_at)
          FROM next r
          WHERE a.tenant_id = :tenant AND a.asset_id = r.asset_id
          RETURNING a.*, r.previous_location
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT tenant_id, asset_id, metadata_sequence, metadata_location, previous_location,
                 updated_at
          FROM committed
      )%s
      SELECT %s
      FROM committed a
      """
          .formatted(CommitWrites.STEPS, COLUMNS);

  private final NamedSql commit;
  private final NamedSql selectHistoryPage;
  private final NamedSql lock;
  private final NamedSql apply;

  MetadataSql(SqlText sql) {
    this.commit = sql.compile(COMMIT);
    this.selectHistoryPage = sql.compile(SELECT_HISTORY_PAGE);
    this.lock = sql.compile(LOCK);
    this.apply = sql.compile(APPLY);
  }

  /**
   * The asset after the commit, its version commit recording {@code meta}; empty if it does not
   * exist or its metadata location was not the expected one.
   */
  Optional<Asset> commit(
      Connection connection,
      TenantId tenant,
      AssetRef ref,
      MetadataCommit change,
      Instant now,
      CommitMeta meta)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, commit)) {
      CommitSteps.bindCommit(statement, meta);
      return AssetSql.bindAsset(statement, tenant, ref)
          .text("expected", change.expected().orElse(null))
          .text("next", change.next())
          .text("location", change.location().orElse(null))
          .textArray("remove", change.properties().remove())
          .json("set", change.properties().set())
          .timestamp("now", now)
          .queryOne(row -> AssetRows.asset(row, ref.branch(), ref.namespace()));
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} history entries below the cursor, newest first; empty if the
   * asset does not exist, a list of empties (one) if it has no more entries.
   */
  List<Optional<MetadataLocation>> historyPage(
      Connection connection, TenantId tenant, AssetRef ref, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectHistoryPage)) {
      return AssetSql.bindAsset(query, tenant, ref)
          .bigint("before", cursor.beforeSequence())
          .integer("limit", cursor.fetchSize())
          .query(AssetRows::history);
    }
  }

  /**
   * Locks {@code branch}, then the assets of {@code commits}, all on it, in asset-id order, and
   * returns them by their index in {@code commits} (a missing asset has no entry) with the branch's
   * head (empty if no asset was found).
   */
  LockedBranch lock(
      Connection connection, TenantId tenant, BranchRef branch, List<AssetCommit> commits)
      throws SQLException {
    List<Integer> ordinals = new ArrayList<>();
    List<byte[]> pathKeys = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      AssetRef ref = commits.get(i).asset();
      ordinals.add(i);
      pathKeys.add(NamespaceKey.of(ref.namespace()));
      names.add(ref.name());
    }
    List<Locked> rows;
    Head[] head = new Head[1];
    try (SqlStatement query = SqlStatement.prepare(connection, lock)) {
      rows =
          query
              .uuid("tenant", tenant.value())
              .text("catalog", branch.catalog())
              .text("branch", branch.branch())
              .integerArray("ordinals", ordinals)
              .bytesArray("path_keys", pathKeys)
              .textArray("names", names)
              .query(
                  row -> {
                    head[0] =
                        new Head(
                            Rows.uuid(row, "catalog_id"),
                            Rows.uuid(row, "branch_id"),
                            new CommitId(Rows.uuid(row, "head_commit_id")),
                            row.getLong("head_generation"),
                            Rows.instant(row, "head_created_at"),
                            Rows.instant(row, "branch_updated_at"));
                    int ordinal = row.getInt("ordinal");
                    AssetRef ref = commits.get(ordinal).asset();
                    return new Locked(
                        ordinal,
                        new NamespacePath(Rows.textArray(row, "path")),
                        AssetRows.asset(row, ref.branch(), ref.namespace()));
                  });
    }
    Map<Integer, Asset> locked = new HashMap<>();
    for (Locked row : rows) {
      // The path key is a hash: the path itself decides, as in every other statement.
      if (row.path().equals(commits.get(row.ordinal()).asset().namespace())) {
        locked.put(row.ordinal(), row.asset());
      }
    }
    return new LockedBranch(locked, Optional.ofNullable(head[0]));
  }

  /**
   * Applies {@code commits} to the assets {@link #lock} returned for them (every one present, its
   * expected location checked), appending a history entry to each, writes one version commit of
   * them all recording {@code meta} on the locked head, moves the head, and returns the updated
   * assets in the order of {@code commits}.
   */
  List<Asset> apply(
      Connection connection,
      TenantId tenant,
      List<AssetCommit> commits,
      Map<Integer, Asset> locked,
      Head head,
      Instant now,
      CommitMeta meta)
      throws SQLException {
    List<AssetChange> operations = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    List<String> metadataLocations = new ArrayList<>();
    List<String> previousLocations = new ArrayList<>();
    List<String> locations = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    Map<UUID, AssetRef> refs = new HashMap<>();
    for (int i = 0; i < commits.size(); i++) {
      MetadataCommit change = commits.get(i).commit();
      Asset current = locked.get(i);
      ids.add(current.id().value());
      refs.put(current.id().value(), commits.get(i).asset());
      metadataLocations.add(change.next());
      previousLocations.add(current.metadataLocation().orElse(null));
      locations.add(change.location().or(current::location).orElse(null));
      Map<String, String> nextProperties = change.properties().applyTo(current.properties());
      properties.add(Json.write(nextProperties));
      operations.add(
          AssetChange.updated(
              AssetKey.of(commits.get(i).asset()),
              AssetContent.of(current),
              new AssetContent(
                  current.kind(),
                  change.location().or(current::location),
                  Optional.of(change.next()),
                  nextProperties)));
    }
    // Never before the head it follows, nor before the branch's last update.
    Instant commitTime =
        Timestamps.notBefore(Timestamps.notBefore(now, head.createdAt()), head.branchUpdatedAt());
    CommitWrites.NewCommit commit =
        new CommitWrites.NewCommit(
            CommitId.random(),
            List.of(head.commit()),
            head.generation() + 1,
            meta,
            commitTime,
            List.of(operations));
    CommitWrites.HeadMove move =
        new CommitWrites.HeadMove(
            head.branchId(), commit.id(), commit.generation(), commitTime, commitTime);
    Map<UUID, Asset> committed = new HashMap<>();
    try (SqlStatement statement = SqlStatement.prepare(connection, apply)) {
      CommitWrites.bind(statement, tenant, head.catalogId(), Optional.of(commit), move)
          .uuidArray("asset_ids", ids)
          .textArray("metadata_locations", metadataLocations)
          .textArray("previous_locations", previousLocations)
          .textArray("locations", locations)
          .textArray("properties", properties)
          .timestamp("now", now)
          .query(
              row -> {
                AssetRef ref = refs.get(Rows.uuid(row, "asset_id"));
                return AssetRows.asset(row, ref.branch(), ref.namespace());
              })
          .forEach(asset -> committed.put(asset.id().value(), asset));
    }
    if (committed.size() != ids.size()) {
      throw new IllegalStateException(
          "a locked asset was not updated: "
              + ids.size()
              + " locked, "
              + committed.size()
              + " updated");
    }
    return ids.stream().map(committed::get).toList();
  }

  /** A row of {@link #LOCK}: the request's ordinal, the namespace path found, the asset. */
  private record Locked(int ordinal, NamespacePath path, Asset asset) {}

  /**
   * A locked branch's head.
   *
   * @param catalogId the branch's catalog
   * @param branchId the branch
   * @param commit its head
   * @param generation the head's generation
   * @param createdAt the head's time
   * @param branchUpdatedAt the branch's updated_at
   */
  record Head(
      UUID catalogId,
      UUID branchId,
      CommitId commit,
      long generation,
      Instant createdAt,
      Instant branchUpdatedAt) {}

  /**
   * What {@link #lock} locked.
   *
   * @param assets the assets found, by the index of their part of the request
   * @param head the branch's head; empty if no asset was found (nor, then, the head read)
   */
  record LockedBranch(Map<Integer, Asset> assets, Optional<Head> head) {}
}
