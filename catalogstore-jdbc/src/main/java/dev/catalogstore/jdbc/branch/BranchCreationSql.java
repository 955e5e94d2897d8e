package dev.catalogstore.jdbc.branch;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.CommitRefs;
import dev.catalogstore.jdbc.commit.ContentJson;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.Json;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements that create a branch, each one statement that inserts the branch row, copies the
 * assets it starts with (new ids, the same content, a history of one entry for a metadata location)
 * and reads where it starts from, so the start and the copy come from one snapshot:
 *
 * <ul>
 *   <li>{@link #fromBranch}: from the branch a {@code from} names (a head), or from a branch whose
 *       head is the commit {@code from} names (a full one first, then by name): one {@code INSERT
 *       ... SELECT} of that branch's assets;
 *   <li>{@link #atCommit}: from a full branch whose head descends from the commit: that branch's
 *       assets, but at the keys changed since the commit the contents the Java code computed from
 *       history, if the branch's head is still the one the history was read for;
 *   <li>{@link #fromContents}: exactly the contents the Java code computed from history.
 * </ul>
 *
 * <p>A name taken is a unique violation of branches_name_uq.
 */
final class BranchCreationSql {
  /**
   * The new branch's {@code partial}: as asked, or because a content computed from history was left
   * out of {@code restorable}, its namespace having been deleted since.
   */
  private static final String PARTIAL_IF_ANY_LEFT_OUT =
      ":partial OR (SELECT count(*) FROM restorable) < cardinality(:restore_names::text[])";

  /** The branch row, from the head commit m joined to {@code %2$s}. */
  private static final String CREATED =
      """
      created AS (
          INSERT INTO ${schema}.branches
              (tenant_id, branch_id, catalog_id, name, branch_type, head_commit_id,
               head_generation, head_created_at, partial, created_at, updated_at)
          SELECT m.tenant_id, :branch_id, m.catalog_id, :name, :type, m.commit_id, m.generation,
                 m.created_at, %1$s, :now, :now
          FROM %2$s
          JOIN ${schema}.commits m ON m.tenant_id = :tenant AND m.commit_id = %3$s
          RETURNING *
      )""";

  /** The copies of the assets {@code x} (namespace_id, name and content columns) on it. */
  private static final String COPIED =
      """
      copied AS (
          INSERT INTO ${schema}.assets
              (tenant_id, asset_id, branch_id, namespace_id, name, kind, location,
               metadata_location, metadata_sequence, properties, created_at, updated_at)
          SELECT b.tenant_id, gen_random_uuid(), b.branch_id, x.namespace_id, x.name, x.kind,
                 x.location, x.metadata_location,
                 CASE WHEN x.metadata_location IS NULL THEN 0 ELSE 1 END, x.properties,
                 :now, :now
          FROM created b
          JOIN (
      %s
          ) x ON true
          RETURNING tenant_id, asset_id, metadata_location
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT tenant_id, asset_id, 1, metadata_location, NULL, :now
          FROM copied
          WHERE metadata_location IS NOT NULL
      )""";

  private static final String ASSET_COLUMNS =
      "a.namespace_id, a.name, a.kind, a.location, a.metadata_location, a.properties";

  /** Every asset of the branch {@code src}. */
  private static final String ALL_ASSETS =
      """
          SELECT %s
          FROM src s
          JOIN ${schema}.assets a ON a.tenant_id = s.tenant_id AND a.branch_id = s.branch_id"""
          .formatted(ASSET_COLUMNS);

  /** Every asset of {@code src} but those at the keys {@code :override_*}. */
  private static final String ALL_ASSETS_BUT_OVERRIDDEN =
      ALL_ASSETS
          + """

          JOIN ${schema}.namespaces n ON n.tenant_id = a.tenant_id AND n.namespace_id = a.namespace_id
          WHERE NOT EXISTS (
              SELECT
              FROM unnest(:override_path_keys::bytea[], :override_paths::text[],
                          :override_names::text[]) AS o(path_key, path, name)
              WHERE o.path_key = n.path_key AND o.name = a.name
                AND n.path = ARRAY(SELECT jsonb_array_elements_text(o.path::jsonb)))""";

  /** The assets of {@code src} at the keys {@code :key_*}, by index. */
  private static final String KEYED_ASSETS =
      """
          SELECT %s
          FROM src s
          JOIN unnest(:key_path_keys::bytea[], :key_paths::text[], :key_names::text[])
              AS k(path_key, path, name) ON true
          JOIN ${schema}.namespaces n
              ON n.tenant_id = s.tenant_id AND n.catalog_id = s.catalog_id
              AND n.path_key = k.path_key
              AND n.path = ARRAY(SELECT jsonb_array_elements_text(k.path::jsonb))
          JOIN ${schema}.assets a
              ON a.tenant_id = s.tenant_id AND a.namespace_id = n.namespace_id
              AND a.branch_id = s.branch_id AND a.name = k.name COLLATE "C\""""
          .formatted(ASSET_COLUMNS);

  /**
   * The CTE {@code restorable}: the contents {@code :restore_*} given by key, in their namespaces
   * (a key whose namespace no longer exists has no row).
   */
  private static final String RESTORABLE =
      """
      restorable AS (
          SELECT n.namespace_id, r.name, r.kind, r.location, r.metadata_location,
                 r.properties::jsonb AS properties
          FROM unnest(:restore_path_keys::bytea[], :restore_paths::text[], :restore_names::text[],
                      :restore_kinds::text[], :restore_locations::text[],
                      :restore_metadata_locations::text[], :restore_properties::text[])
              AS r(path_key, path, name, kind, location, metadata_location, properties)
          JOIN ${schema}.namespaces n
              ON n.tenant_id = :tenant AND n.catalog_id = :catalog_id AND n.path_key = r.path_key
              AND n.path = ARRAY(SELECT jsonb_array_elements_text(r.path::jsonb))
      )""";

  private static final String CREATED_COLUMNS =
      "b.name, b.branch_type, b.head_commit_id, b.partial, b.created_at, b.updated_at";

  private final NamedSql fromBranchAll;
  private final NamedSql fromBranchKeyed;
  private final NamedSql atCommitAll;
  private final NamedSql atCommitKeyed;
  private final NamedSql fromContents;
  private final NamedSql holdCatalog;

  /**
   * Holds the catalog's row against deletion (the key-share lock a foreign-key check takes) until
   * the transaction ends; no row if it is gone already.
   */
  private static final String HOLD_CATALOG =
      """
      SELECT 1
      FROM ${schema}.catalogs c
      WHERE c.tenant_id = :tenant AND c.catalog_id = :catalog_id AND c.name IS NOT NULL
      FOR KEY SHARE
      """;

  BranchCreationSql(SqlText sql) {
    this.holdCatalog = sql.compile(HOLD_CATALOG);
    this.fromBranchAll = sql.compile(fromBranch(ALL_ASSETS));
    this.fromBranchKeyed = sql.compile(fromBranch(KEYED_ASSETS));
    this.atCommitAll = sql.compile(atCommit(ALL_ASSETS_BUT_OVERRIDDEN));
    this.atCommitKeyed = sql.compile(atCommit(KEYED_ASSETS));
    this.fromContents = sql.compile(fromContents());
  }

  /**
   * {@code src}: the branch named, or for a tag or commit id a full branch whose head is that
   * commit, the smallest name first (a partial one's head commit describes more than it holds). One
   * row: the reference's diagnostic columns and the branch created (NULLs if none, for example
   * because no branch's head is that commit).
   */
  private static String fromBranch(String assets) {
    return """
        WITH ref AS (
        %s
        ), src AS (
            SELECT b.*
            FROM ref r
            JOIN ${schema}.branches b ON b.tenant_id = :tenant AND b.catalog_id = r.catalog_id
            WHERE r.commit_id IS NOT NULL
              AND CASE WHEN :ref_kind::text = 'BRANCH' THEN b.name = :ref_name::text
                       ELSE b.head_commit_id = r.commit_id AND NOT b.partial END
            ORDER BY b.name
            LIMIT 1
        ), %s, %s
        SELECT %s, %s
        FROM ref r
        LEFT JOIN created b ON true
        """
        .formatted(
            CommitRefs.RESOLVE.indent(4),
            CREATED.formatted(":partial OR s.partial", "src s", "s.head_commit_id"),
            COPIED.formatted(assets),
            CommitRefs.COLUMNS,
            CREATED_COLUMNS);
  }

  /**
   * {@code src}: the branch {@code :source_branch_id} if its head is still {@code :source_head}. No
   * row if it moved.
   */
  private static String atCommit(String assets) {
    return """
        WITH src AS (
            SELECT b.*
            FROM ${schema}.branches b
            WHERE b.tenant_id = :tenant AND b.branch_id = :source_branch_id
              AND b.head_commit_id = :source_head
        ), %s, %s, %s
        SELECT %s
        FROM created b
        """
        .formatted(
            RESTORABLE,
            // A content whose namespace was deleted since is left out: the branch is then partial.
            CREATED.formatted(PARTIAL_IF_ANY_LEFT_OUT, "src s", ":commit"),
            COPIED.formatted(assets + "\n    UNION ALL\n    SELECT * FROM restorable"),
            CREATED_COLUMNS);
  }

  private static String fromContents() {
    return """
        WITH %s, %s, %s
        SELECT %s
        FROM created b
        """
        .formatted(
            RESTORABLE,
            CREATED.formatted(
                PARTIAL_IF_ANY_LEFT_OUT,
                "(VALUES (1)) AS one(x)",
                ":commit AND m.catalog_id = :catalog_id"),
            COPIED.formatted("    SELECT * FROM restorable"),
            CREATED_COLUMNS);
  }

  /**
   * Creates the branch from the branch {@code request.from()} names, or from a branch whose head is
   * the commit it names.
   */
  FromBranch fromBranch(
      Connection connection, TenantId tenant, BranchRef branch, NewBranch request, Instant now)
      throws SQLException {
    boolean keyed = request.assets().isPresent();
    try (SqlStatement statement =
        SqlStatement.prepare(connection, keyed ? fromBranchKeyed : fromBranchAll)) {
      CommitRefs.bind(statement, tenant, request.from());
      bindNew(statement, branch, request, now);
      if (keyed) {
        bindKeys(statement, "key", request.assets().get());
      }
      return statement
          .queryOne(
              row -> {
                CommitRefs.Resolved resolved = CommitRefs.read(row, request.from());
                Optional<Branch> created =
                    row.getString("name") == null
                        ? Optional.empty()
                        : Optional.of(BranchRows.branch(row, branch.catalog()));
                return new FromBranch(resolved, created);
              })
          .orElseThrow();
    }
  }

  /**
   * Keeps catalog {@code catalogId} from being deleted until the transaction ends, so that the
   * history read next cannot vanish under it; whether it still exists.
   */
  boolean holdCatalog(Connection connection, TenantId tenant, UUID catalogId) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, holdCatalog)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .queryOne(row -> true)
          .isPresent();
    }
  }

  /**
   * Creates the branch at {@code commit} from the full branch {@code sourceBranchId} if its head is
   * still {@code sourceHead}: its assets, but at the keys of {@code restore} (and of {@code
   * overridden}, for a full copy) the contents given (empty: absent), and for a partial branch only
   * {@code keys} and the keys of {@code restore}.
   */
  Optional<Created> atCommit(
      Connection connection,
      TenantId tenant,
      BranchRef branch,
      NewBranch request,
      UUID catalogId,
      CommitId commit,
      UUID sourceBranchId,
      CommitId sourceHead,
      Collection<AssetKey> overridden,
      Collection<AssetKey> keys,
      Map<AssetKey, AssetContent> restore,
      Instant now)
      throws SQLException {
    boolean keyed = request.assets().isPresent();
    try (SqlStatement statement =
        SqlStatement.prepare(connection, keyed ? atCommitKeyed : atCommitAll)) {
      bindNew(statement, branch, request, now)
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .uuid("commit", commit.value())
          .uuid("source_branch_id", sourceBranchId)
          .uuid("source_head", sourceHead.value());
      bindKeys(statement, keyed ? "key" : "override", keyed ? keys : overridden);
      bindRestore(statement, restore);
      return statement.queryOne(row -> new Created(BranchRows.branch(row, branch.catalog())));
    }
  }

  /** Creates the branch at {@code commit} with exactly the assets {@code restore}. */
  Created fromContents(
      Connection connection,
      TenantId tenant,
      BranchRef branch,
      NewBranch request,
      UUID catalogId,
      CommitId commit,
      Map<AssetKey, AssetContent> restore,
      Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, fromContents)) {
      bindNew(statement, branch, request, now)
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .uuid("commit", commit.value());
      bindRestore(statement, restore);
      return statement
          .queryOne(row -> new Created(BranchRows.branch(row, branch.catalog())))
          .orElseThrow();
    }
  }

  private static SqlStatement bindNew(
      SqlStatement statement, BranchRef branch, NewBranch request, Instant now)
      throws SQLException {
    return statement
        .uuid("branch_id", UUID.randomUUID())
        .text("name", branch.branch())
        .text("type", request.type().name())
        .bool("partial", request.assets().isPresent())
        .timestamp("now", now);
  }

  private static void bindKeys(SqlStatement statement, String prefix, Collection<AssetKey> keys)
      throws SQLException {
    List<byte[]> pathKeys = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (AssetKey key : keys) {
      pathKeys.add(NamespaceKey.of(key.namespace()));
      paths.add(ContentJson.path(key.namespace()));
      names.add(key.name());
    }
    statement
        .bytesArray(prefix + "_path_keys", pathKeys)
        .textArray(prefix + "_paths", paths)
        .textArray(prefix + "_names", names);
  }

  private static void bindRestore(SqlStatement statement, Map<AssetKey, AssetContent> restore)
      throws SQLException {
    List<byte[]> pathKeys = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<String> locations = new ArrayList<>();
    List<String> metadataLocations = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    restore.forEach(
        (key, content) -> {
          pathKeys.add(NamespaceKey.of(key.namespace()));
          paths.add(ContentJson.path(key.namespace()));
          names.add(key.name());
          kinds.add(content.kind().name());
          locations.add(content.location().orElse(null));
          metadataLocations.add(content.metadataLocation().orElse(null));
          properties.add(Json.write(content.properties()));
        });
    statement
        .bytesArray("restore_path_keys", pathKeys)
        .textArray("restore_paths", paths)
        .textArray("restore_names", names)
        .textArray("restore_kinds", kinds)
        .textArray("restore_locations", locations)
        .textArray("restore_metadata_locations", metadataLocations)
        .textArray("restore_properties", properties);
  }

  /**
   * What {@link #fromBranch} did.
   *
   * @param resolved what {@code from} resolved to (or what is missing)
   * @param created the branch created; empty if nothing was (also when no branch's head is the
   *     commit named)
   */
  record FromBranch(CommitRefs.Resolved resolved, Optional<Branch> created) {
    Optional<ObjectType> missing() {
      return resolved.missing();
    }

    /** The commit {@code from} named; only when nothing is missing. */
    CommitRef.ById commit(String catalog) {
      return new CommitRef.ById(catalog, resolved.commit());
    }
  }

  /**
   * A branch created from history.
   *
   * @param branch the branch
   */
  record Created(Branch branch) {}
}
