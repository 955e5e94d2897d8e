package dev.catalogstore.jdbc.asset;

import static dev.catalogstore.jdbc.asset.AssetRows.COLUMNS;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The statements on asset rows, each one round trip that finds the catalog, branch and namespace by
 * joins. Uniqueness of an asset's coordinates is {@code assets_name_uq}; an asset and its first
 * history entry are inserted together; deleting an asset removes its history through {@code ON
 * DELETE CASCADE}. A guarded rename or delete checks the caller's expectation in its {@code WHERE},
 * on the row it changes, so the check and the change are one atomic step.
 *
 * <p>Every change records its commit in the same statement ({@link CommitSteps}): it locks its
 * branch's row first, and writes the commit, its operations and the new head only if the change
 * happened, so a change is never visible without its commit, nor a commit without its change.
 *
 * <p>Parameter groups, each bound by one method: the place ({@code :tenant, :catalog, :branch,
 * :path_key, :path}, {@link #bindPlace}), an asset (the place and {@code :name}, {@link
 * #bindAsset}) and an expectation ({@code :expected_id, :expected_kind, :checks_location,
 * :expected_location}, {@link #bindExpectation}).
 */
final class AssetSql {
  /** The catalog c, its branch b and namespace n; pair with {@link #WHERE_PLACE}. */
  static final String PLACE =
      """
      ${schema}.catalogs c
      JOIN ${schema}.branches b ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id
      JOIN ${schema}.namespaces n ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id""";

  static final String WHERE_PLACE =
      """
      c.tenant_id = :tenant AND c.name = :catalog AND b.name = :branch
        AND n.path_key = :path_key AND n.path = :path::text[]""";

  /** The asset a in the namespace n on the branch b of {@link #PLACE}. */
  static final String ASSET_AT_PLACE =
      """
      a.tenant_id = c.tenant_id AND a.branch_id = b.branch_id
        AND a.namespace_id = n.namespace_id""";

  /** The asset a named {@code :name} at the place; for statements that list PLACE in FROM. */
  static final String WHERE_ASSET =
      WHERE_PLACE + "\n  AND " + ASSET_AT_PLACE + "\n  AND a.name = :name";

  /** The caller's expectation of the asset a; every part is true when not asked for. */
  private static final String EXPECTATION =
      """
      (:expected_id::uuid IS NULL OR a.asset_id = :expected_id::uuid)
        AND (:expected_kind::text IS NULL OR a.kind = :expected_kind::text)
        AND (NOT :checks_location::boolean
             OR a.metadata_location IS NOT DISTINCT FROM :expected_location::text)""";

  /**
   * Inserts nothing when the catalog, branch or namespace does not exist. The first metadata
   * location, if any, becomes history entry 1 in the same statement, and the commit (one create)
   * too.
   */
  private static final String INSERT =
      """
      WITH %s, %s, asset AS (
          INSERT INTO ${schema}.assets
              (tenant_id, asset_id, branch_id, namespace_id, name, kind, location,
               metadata_location, metadata_sequence, properties, created_at, updated_at)
          SELECT h.tenant_id, :asset_id, h.branch_id, p.namespace_id, :name, :kind, :location,
                 :metadata_location::text,
                 CASE WHEN :metadata_location::text IS NULL THEN 0 ELSE 1 END,
                 :properties::jsonb, :now, :now
          FROM head h, place p
          RETURNING *
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT tenant_id, asset_id, 1, metadata_location, NULL, created_at
          FROM asset
          WHERE metadata_location IS NOT NULL
      ), ops AS (
          SELECT 1 AS ordinal, :path::text[] AS namespace, :name::text AS name,
                 NULL::jsonb AS before, %s AS after
          FROM asset a
      )%s
      SELECT count(*) AS created
      FROM asset
      """
          .formatted(
              CommitSteps.HEAD, CommitSteps.PLACE, CommitSteps.content("a"), CommitSteps.RECORD);

  private static final String SELECT =
      """
      SELECT %s
      FROM %s
      JOIN ${schema}.assets a ON %s AND a.name = :name
      WHERE %s
      """
          .formatted(COLUMNS, PLACE, ASSET_AT_PLACE, WHERE_PLACE);

  /** By primary key (tenant_id, asset_id), with the coordinates where the asset lives now. */
  private static final String SELECT_BY_ID =
      """
      SELECT %s, c.name AS catalog_name, b.name AS branch_name, n.path AS namespace_path
      FROM ${schema}.assets a
      JOIN ${schema}.branches b ON b.tenant_id = a.tenant_id AND b.branch_id = a.branch_id
      JOIN ${schema}.catalogs c ON c.tenant_id = b.tenant_id AND c.catalog_id = b.catalog_id
          -- A deleted catalog (its name NULL) awaits its purge: its assets are gone already.
          AND c.name IS NOT NULL
      JOIN ${schema}.namespaces n ON n.tenant_id = a.tenant_id AND n.namespace_id = a.namespace_id
      WHERE a.tenant_id = :tenant AND a.asset_id = :asset_id
      """
          .formatted(COLUMNS);

  /**
   * One page by name of the assets of every kind, on the index of assets_name_uq. No row: the
   * catalog, branch or namespace does not exist; one row of NULLs: an empty page. (It keeps the
   * kinds filter, which is then true for every row.)
   */
  private static final String SELECT_PAGE =
      """
      SELECT a.*
      FROM %s
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.assets a
          WHERE %s
            AND a.name > :after AND a.kind = ANY(:kinds::text[])
          ORDER BY a.name
          LIMIT :limit
      ) a ON true
      WHERE %s
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY a.name
      """
          .formatted(PLACE, COLUMNS, ASSET_AT_PLACE, WHERE_PLACE);

  /**
   * One keyset range of {@link #selectPageOfKinds}: the first {@code :limit} assets of kind {@code
   * :kind_<i>} after {@code :after}, by name, on the index assets_kind_ix (V3).
   */
  private static final String KIND_RANGE =
      """
      (SELECT %s
       FROM ${schema}.assets a
       WHERE %s
         AND a.kind = :kind_%%d AND a.name > :after
       ORDER BY a.name
       LIMIT :limit)"""
          .formatted(COLUMNS, ASSET_AT_PLACE);

  /**
   * Like {@link #SELECT_PAGE}, narrowed to {@code kinds} kinds: one keyset range per kind ({@link
   * #KIND_RANGE}), merged by name. A page reads at most kinds × limit index entries, however many
   * assets of other kinds the namespace holds. Names compare byte-wise ({@code COLLATE "C"}) as in
   * every other list.
   */
  private static String selectPageOfKinds(int kinds) {
    StringJoiner ranges = new StringJoiner("\n    UNION ALL\n    ");
    for (int i = 0; i < kinds; i++) {
      ranges.add(KIND_RANGE.formatted(i));
    }
    return """
        SELECT a.*
        FROM %s
        LEFT JOIN LATERAL (
            SELECT u.*
            FROM (
            %s
            ) u
            ORDER BY u.name COLLATE "C"
            LIMIT :limit
        ) a ON true
        WHERE %s
        -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
        ORDER BY a.name
        """
        .formatted(PLACE, ranges, WHERE_PLACE);
  }

  /**
   * Moves the asset a (source namespace n) to the target namespace t of the same catalog, if the
   * expectation holds, and records the commit: the old key deleted and the new key created, with
   * the same content, ordered by {@code :from_ordinal} and {@code :to_ordinal}. Matches nothing if
   * the asset or the target namespace does not exist or the expectation does not hold; a taken
   * target is a unique violation.
   */
  private static final String RENAME =
      """
      WITH %s, %s, target AS (
          SELECT t.namespace_id
          FROM ${schema}.namespaces t
          WHERE t.tenant_id = :tenant AND t.catalog_id = (SELECT catalog_id FROM head)
            AND t.path_key = :to_path_key AND t.path = :to_path::text[]
      ), renamed AS (
          UPDATE ${schema}.assets a
          SET namespace_id = (SELECT namespace_id FROM target),
              name = :to_name,
              updated_at = GREATEST(:now, a.updated_at)
          WHERE %s
            AND EXISTS (SELECT FROM target)
            AND %s
          RETURNING a.*
      ), ops AS (
          SELECT :from_ordinal::integer AS ordinal, :path::text[] AS namespace,
                 :name::text AS name, %s AS before, NULL::jsonb AS after
          FROM renamed a
          UNION ALL
          SELECT :to_ordinal::integer, :to_path::text[], :to_name::text, NULL::jsonb, %s
          FROM renamed a
      )%s
      SELECT %s
      FROM renamed a
      """
          .formatted(
              CommitSteps.HEAD,
              CommitSteps.PLACE,
              CommitSteps.ASSET,
              EXPECTATION,
              CommitSteps.content("a"),
              CommitSteps.content("a"),
              CommitSteps.RECORD,
              COLUMNS);

  /**
   * Reads the asset with a lock (its content before), updates its properties, and records the
   * commit.
   */
  private static final String UPDATE_PROPERTIES =
      """
      WITH %s, %s, old AS (
          SELECT a.*
          FROM ${schema}.assets a
          WHERE %s
          FOR NO KEY UPDATE
      ), updated AS (
          UPDATE ${schema}.assets a
          SET properties = (a.properties - :remove::text[]) || :set::jsonb,
              updated_at = GREATEST(:now, a.updated_at)
          WHERE %s
          RETURNING a.*
      ), ops AS (
          SELECT 1 AS ordinal, :path::text[] AS namespace, :name::text AS name,
                 %s AS before, %s AS after
          FROM old o
          JOIN updated a ON a.asset_id = o.asset_id
      )%s
      SELECT %s
      FROM updated a
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
   * Deletes nothing if the asset does not exist or the expectation does not hold; otherwise deletes
   * it (its history by cascade) and records the commit.
   */
  private static final String DELETE =
      """
      WITH %s, %s, deleted AS (
          DELETE FROM ${schema}.assets a
          WHERE %s
            AND %s
          RETURNING a.*
      ), ops AS (
          SELECT 1 AS ordinal, :path::text[] AS namespace, :name::text AS name,
                 %s AS before, NULL::jsonb AS after
          FROM deleted a
      )%s
      SELECT count(*) AS deleted
      FROM deleted
      """
          .formatted(
              CommitSteps.HEAD,
              CommitSteps.PLACE,
              CommitSteps.ASSET,
              EXPECTATION,
              CommitSteps.content("a"),
              CommitSteps.RECORD);

  /**
   * Failure paths only: which parts of an asset's address exist, outermost first, and the asset as
   * it is now. Always one row.
   */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             b.branch_id IS NOT NULL AS branch_found,
             n.namespace_id IS NOT NULL AS namespace_found,
             a.asset_id IS NOT NULL AS asset_found,
             %s
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.branches b
          ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id AND b.name = :branch
      LEFT JOIN ${schema}.namespaces n
          ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
          AND n.path_key = :path_key AND n.path = :path::text[]
      LEFT JOIN ${schema}.assets a ON %s AND a.name = :name::text
      """
          .formatted(COLUMNS, ASSET_AT_PLACE);

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectById;
  private final NamedSql selectPage;

  /** {@code selectPageOfKinds[k]}: the page of k kinds, for 1 ≤ k < the number of kinds. */
  private final NamedSql[] selectPageOfKinds;

  private final NamedSql rename;
  private final NamedSql updateProperties;
  private final NamedSql delete;
  private final NamedSql lookup;

  AssetSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectById = sql.compile(SELECT_BY_ID);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.selectPageOfKinds = new NamedSql[AssetKind.values().length];
    for (int k = 1; k < selectPageOfKinds.length; k++) {
      selectPageOfKinds[k] = sql.compile(selectPageOfKinds(k));
    }
    this.rename = sql.compile(RENAME);
    this.updateProperties = sql.compile(UPDATE_PROPERTIES);
    this.delete = sql.compile(DELETE);
    this.lookup = sql.compile(LOOKUP);
  }

  /**
   * Inserts {@code asset} and its commit recording {@code meta}; false if its catalog, branch or
   * namespace does not exist.
   */
  boolean insert(Connection connection, TenantId tenant, Asset asset, CommitMeta meta)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      CommitSteps.bindCommit(statement, meta);
      return bindAsset(statement, tenant, asset.ref())
              .uuid("asset_id", asset.id().value())
              .text("kind", asset.kind().name())
              .text("location", asset.location().orElse(null))
              .text("metadata_location", asset.metadataLocation().orElse(null))
              .json("properties", asset.properties())
              .timestamp("now", asset.createdAt())
              .queryOne(row -> row.getLong("created"))
              .orElseThrow()
          > 0;
    }
  }

  Optional<Asset> select(Connection connection, TenantId tenant, AssetRef ref) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return bindAsset(query, tenant, ref)
          .queryOne(row -> AssetRows.asset(row, ref.branch(), ref.namespace()));
    }
  }

  Optional<Asset> selectById(Connection connection, TenantId tenant, AssetId id)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectById)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("asset_id", id.value())
          .queryOne(
              row ->
                  AssetRows.asset(
                      row,
                      new BranchRef(row.getString("catalog_name"), row.getString("branch_name")),
                      new NamespacePath(Rows.textArray(row, "namespace_path"))));
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} assets of {@code kinds} after the cursor; empty if the place
   * does not exist, a list of empties (one) if it exists but holds no more such assets.
   */
  List<Optional<Asset>> page(
      Connection connection,
      TenantId tenant,
      BranchRef branch,
      NamespacePath namespace,
      Set<AssetKind> kinds,
      ListQuery.Cursor cursor)
      throws SQLException {
    boolean everyKind = kinds.size() == AssetKind.values().length;
    NamedSql statement = everyKind ? selectPage : selectPageOfKinds[kinds.size()];
    try (SqlStatement query = SqlStatement.prepare(connection, statement)) {
      bindPlace(query, tenant, branch, namespace);
      if (everyKind) {
        query.textArray("kinds", kinds.stream().map(AssetKind::name).toList());
      } else {
        int i = 0;
        for (AssetKind kind : kinds) {
          query.text("kind_" + i++, kind.name());
        }
      }
      return query
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize())
          .query(
              row ->
                  row.getObject("asset_id") == null
                      ? Optional.<Asset>empty()
                      : Optional.of(AssetRows.asset(row, branch, namespace)));
    }
  }

  /**
   * The renamed asset, its commit recording {@code meta}; empty if the asset or the target
   * namespace does not exist, or {@code expected} does not hold.
   */
  Optional<Asset> rename(
      Connection connection,
      TenantId tenant,
      AssetRef from,
      AssetRef to,
      AssetExpectation expected,
      Instant now,
      CommitMeta meta)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, rename)) {
      bindAsset(statement, tenant, from);
      CommitSteps.bindCommit(statement, meta);
      // The operations are numbered in key order: the old key's deletion, the new key's creation.
      boolean fromFirst = AssetKey.of(from).compareTo(AssetKey.of(to)) < 0;
      statement.integer("from_ordinal", fromFirst ? 1 : 2).integer("to_ordinal", fromFirst ? 2 : 1);
      return bindExpectation(statement, expected)
          .bytes("to_path_key", NamespaceKey.of(to.namespace()))
          .textArray("to_path", to.namespace().segments())
          .text("to_name", to.name())
          .timestamp("now", now)
          .queryOne(row -> AssetRows.asset(row, to.branch(), to.namespace()));
    }
  }

  /** The updated asset, its commit recording {@code meta}; empty if it does not exist. */
  Optional<Asset> updateProperties(
      Connection connection,
      TenantId tenant,
      AssetRef ref,
      PropertyUpdate update,
      Instant now,
      CommitMeta meta)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, updateProperties)) {
      CommitSteps.bindCommit(statement, meta);
      return bindAsset(statement, tenant, ref)
          .textArray("remove", update.remove())
          .json("set", update.set())
          .timestamp("now", now)
          .queryOne(row -> AssetRows.asset(row, ref.branch(), ref.namespace()));
    }
  }

  /**
   * Whether the asset existed, met {@code expected} and is now deleted, with its history, and its
   * commit recording {@code meta} written.
   */
  boolean delete(
      Connection connection,
      TenantId tenant,
      AssetRef ref,
      AssetExpectation expected,
      Instant now,
      CommitMeta meta)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      bindAsset(statement, tenant, ref);
      CommitSteps.bindCommit(statement, meta);
      return bindExpectation(statement, expected)
              .timestamp("now", now)
              .queryOne(row -> row.getLong("deleted"))
              .orElseThrow()
          > 0;
    }
  }

  /** What exists of the address of {@code ref}, and the asset itself if it exists. */
  AssetRows.AssetLookup lookup(Connection connection, TenantId tenant, AssetRef ref)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return bindAsset(query, tenant, ref)
          .queryOne(row -> AssetRows.lookup(row, ref))
          .orElseThrow();
    }
  }

  /**
   * The outermost missing part of the place (tenant, catalog, branch, namespace) of {@code
   * namespace} on {@code branch}; empty if all exist.
   */
  Optional<ObjectType> missingPlace(
      Connection connection, TenantId tenant, BranchRef branch, NamespacePath namespace)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return bindPlace(query, tenant, branch, namespace)
          .text("name", null)
          .queryOne(AssetRows::missingPlace)
          .orElseThrow();
    }
  }

  /** Binds the place group: {@code :tenant, :catalog, :branch, :path_key, :path}. */
  static SqlStatement bindPlace(
      SqlStatement statement, TenantId tenant, BranchRef branch, NamespacePath namespace)
      throws SQLException {
    return statement
        .uuid("tenant", tenant.value())
        .text("catalog", branch.catalog())
        .text("branch", branch.branch())
        .bytes("path_key", NamespaceKey.of(namespace))
        .textArray("path", namespace.segments());
  }

  /** Binds the asset group: the place of {@code ref} and {@code :name}. */
  static SqlStatement bindAsset(SqlStatement statement, TenantId tenant, AssetRef ref)
      throws SQLException {
    return bindPlace(statement, tenant, ref.branch(), ref.namespace()).text("name", ref.name());
  }

  /** Binds the expectation group; {@link AssetExpectation#ANY} makes it true for every asset. */
  private static SqlStatement bindExpectation(SqlStatement statement, AssetExpectation expected)
      throws SQLException {
    return statement
        .uuid("expected_id", expected.id().map(AssetId::value).orElse(null))
        .text("expected_kind", expected.kind().map(AssetKind::name).orElse(null))
        .bool("checks_location", expected.checksMetadataLocation())
        .text("expected_location", expected.metadataLocation().orElse(null));
  }
}
