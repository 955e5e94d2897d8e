package dev.catalogstore.jdbc.asset;

import static dev.catalogstore.jdbc.asset.AssetRows.COLUMNS;
import static dev.catalogstore.jdbc.asset.AssetSql.PLACE;
import static dev.catalogstore.jdbc.asset.AssetSql.WHERE_ASSET;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
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
 * <p>A commit of one asset is one statement: an {@code UPDATE} whose {@code WHERE} requires the
 * stored location to be the expected one, and, in a data-modifying CTE of the same statement, the
 * history entry. Under concurrent commits of the same asset PostgreSQL serialises the row updates
 * and re-checks the {@code WHERE} against the winner's row, so of N commits holding the same
 * expected location exactly one matches, also across store instances. The commit's new storage
 * location and property changes are part of the same {@code UPDATE}, so a lost compare-and-set
 * changes nothing.
 *
 * <p>A multi-asset commit runs in one transaction: {@link #lock} reads and locks every asset in
 * asset-id order (so two such commits over the same assets cannot deadlock, whatever the order of
 * their requests), the caller checks every expectation against what it read, and {@link #apply}
 * writes all the new states and history entries in one statement.
 */
final class MetadataSql {
  private static final String COMMIT =
      """
      WITH committed AS (
          UPDATE ${schema}.assets a
          SET metadata_location = :next,
              metadata_sequence = a.metadata_sequence + 1,
              location = COALESCE(:location::text, a.location),
              properties = (a.properties - :remove::text[]) || :set::jsonb,
              updated_at = GREATEST(:now, a.updated_at)
          FROM %s
          WHERE %s
            AND a.metadata_location IS NOT DISTINCT FROM :expected::text
          RETURNING a.*
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT tenant_id, asset_id, metadata_sequence, metadata_location, :expected::text,
                 updated_at
          FROM committed
      )
      SELECT %s
      FROM committed a
      """
          .formatted(PLACE, WHERE_ASSET, COLUMNS);

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
          .formatted(PLACE, AssetSql.ASSET_AT_PLACE + " AND a.name = :name", AssetSql.WHERE_PLACE);

  /**
   * The assets of one branch named by (path key, name) pairs, each with the request's ordinal,
   * locked in asset-id order. A missing asset has no row.
   */
  private static final String LOCK =
      """
      SELECT r.ordinal, n.path, %s
      FROM unnest(:ordinals::integer[], :path_keys::bytea[], :names::text[])
          AS r(ordinal, path_key, name)
      JOIN ${schema}.catalogs c ON c.tenant_id = :tenant AND c.name = :catalog
      JOIN ${schema}.branches b
          ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id AND b.name = :branch
      JOIN ${schema}.namespaces n
          ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id AND n.path_key = r.path_key
      JOIN ${schema}.assets a
          ON a.tenant_id = c.tenant_id AND a.branch_id = b.branch_id
          AND a.namespace_id = n.namespace_id AND a.name = r.name COLLATE "C"
      ORDER BY a.asset_id
      FOR UPDATE OF a
      """
          .formatted(COLUMNS);

  /**
   * Writes the new state of every locked asset and appends its history entry. The states were
   * computed from the locked rows, so they are written as they are.
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
      )
      SELECT %s
      FROM committed a
      """
          .formatted(COLUMNS);

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
   * The asset after the commit; empty if it does not exist or its metadata location was not the
   * expected one.
   */
  Optional<Asset> commit(
      Connection connection, TenantId tenant, AssetRef ref, MetadataCommit change, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, commit)) {
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
   * Locks the assets of {@code commits}, all on {@code branch}, in asset-id order, and returns them
   * by their index in {@code commits}; a missing asset has no entry.
   */
  Map<Integer, Asset> lock(
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
    return locked;
  }

  /**
   * Applies {@code commits} to the assets {@link #lock} returned for them (every one present, its
   * expected location checked), appending a history entry to each, and returns the updated assets
   * in the order of {@code commits}.
   */
  List<Asset> apply(
      Connection connection,
      TenantId tenant,
      List<AssetCommit> commits,
      Map<Integer, Asset> locked,
      Instant now)
      throws SQLException {
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
      properties.add(Json.write(change.properties().applyTo(current.properties())));
    }
    Map<UUID, Asset> committed = new HashMap<>();
    try (SqlStatement statement = SqlStatement.prepare(connection, apply)) {
      statement
          .uuid("tenant", tenant.value())
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
}
