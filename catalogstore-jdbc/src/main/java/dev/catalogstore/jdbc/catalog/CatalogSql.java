package dev.catalogstore.jdbc.catalog;

import static dev.catalogstore.jdbc.catalog.CatalogRows.COLUMNS;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
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
 * The catalogs' statements, each one round trip. A catalog, its root commit and its branch {@code
 * main} are inserted by one statement; a {@code LOCAL} catalog takes its warehouse's id in the same
 * statement, so a missing warehouse inserts nothing and a concurrently deleted one is a foreign-key
 * violation. Deleting a catalog makes it and everything in it (its branches, namespaces, assets and
 * their history, its commits, its tags) unreachable at once and deletes every grant naming it (of
 * roles and direct permissions), in one short transaction; the purger ({@code purge/}) removes the
 * rows afterwards, in bounded batches. A deleted catalog's row stays until then with its name NULL,
 * which no lookup by name and no page matches.
 */
final class CatalogSql {
  /**
   * Appended to each catalog insert: the catalog's root commit (no parent, generation 0, no
   * operations) and its branch main at that root, stamped with the catalog's creation time, in the
   * same statement.
   */
  private static final String WITH_MAIN_BRANCH =
      """
      , root AS (
          INSERT INTO ${schema}.commits
              (tenant_id, commit_id, catalog_id, first_parent_id, second_parent_id, generation,
               author, message, created_at)
          SELECT tenant_id, :root_commit_id, catalog_id, NULL, NULL, 0, NULL, NULL, created_at
          FROM catalog
      ), main AS (
          INSERT INTO ${schema}.branches
              (tenant_id, branch_id, catalog_id, name, branch_type, head_commit_id,
               head_generation, head_created_at, partial, created_at, updated_at)
          SELECT tenant_id, :main_branch_id, catalog_id, :main_branch, 'INGEST', :root_commit_id,
                 0, created_at, false, created_at, created_at
          FROM catalog
      )
      SELECT count(*) AS created
      FROM catalog
      """;

  private static final String INSERT_LOCAL =
      """
      WITH catalog AS (
          INSERT INTO ${schema}.catalogs
              (tenant_id, catalog_id, name, catalog_type, warehouse_id, properties,
               created_at, updated_at)
          SELECT w.tenant_id, :catalog_id, :name, 'LOCAL', w.warehouse_id, :properties::jsonb,
                 :now, :now
          FROM ${schema}.tenants t
          JOIN ${schema}.warehouses w ON w.tenant_id = t.tenant_id AND w.name = :warehouse
          WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
          -- Locks the tenant as its foreign key would, and skips it if a delete got there first.
          FOR KEY SHARE OF t
          RETURNING tenant_id, catalog_id, created_at
      )
      """
          + WITH_MAIN_BRANCH;

  private static final String INSERT_FEDERATED =
      """
      WITH catalog AS (
          INSERT INTO ${schema}.catalogs
              (tenant_id, catalog_id, name, catalog_type, connector_type, connector_options,
               connector_credentials, properties, created_at, updated_at)
          SELECT t.tenant_id, :catalog_id, :name, 'FEDERATED', :connector_type,
                 :connector_options::jsonb, :connector_credentials, :properties::jsonb, :now, :now
          FROM ${schema}.tenants t
          WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
          -- Locks the tenant as its foreign key would, and skips it if a delete got there first.
          FOR KEY SHARE
          RETURNING tenant_id, catalog_id, created_at
      )
      """
          + WITH_MAIN_BRANCH;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.catalogs c
      LEFT JOIN ${schema}.warehouses w
          ON w.tenant_id = c.tenant_id AND w.warehouse_id = c.warehouse_id
      WHERE c.tenant_id = :tenant AND c.name = :name
      """
          .formatted(COLUMNS);

  /** No row: the tenant does not exist; one row of NULLs: an empty page. */
  private static final String SELECT_PAGE =
      """
      SELECT page.*
      FROM ${schema}.tenants t
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.catalogs c
          LEFT JOIN ${schema}.warehouses w
              ON w.tenant_id = c.tenant_id AND w.warehouse_id = c.warehouse_id
          WHERE c.tenant_id = t.tenant_id AND c.name > :after
          ORDER BY c.name
          LIMIT :limit
      ) page ON true
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY page.name
      """
          .formatted(COLUMNS);

  /**
   * A connector is only accepted by a FEDERATED catalog: with one given, a LOCAL catalog matches no
   * row, and the failure path tells that apart from a missing catalog. A connector given replaces
   * the old one whole, its credentials included (NULL for none).
   */
  private static final String UPDATE =
      """
      WITH c AS (
          UPDATE ${schema}.catalogs c
          SET connector_type = COALESCE(:connector_type::text, c.connector_type),
              connector_options = COALESCE(:connector_options::jsonb, c.connector_options),
              connector_credentials = CASE WHEN :has_connector THEN :connector_credentials::bytea
                                           ELSE c.connector_credentials END,
              properties = (c.properties - :remove::text[]) || :set::jsonb,
              updated_at = GREATEST(:now, c.updated_at)
          WHERE c.tenant_id = :tenant AND c.name = :name
            AND (NOT :has_connector OR c.catalog_type = 'FEDERATED')
          RETURNING c.*
      )
      SELECT %s
      FROM c
      LEFT JOIN ${schema}.warehouses w
          ON w.tenant_id = c.tenant_id AND w.warehouse_id = c.warehouse_id
      """
          .formatted(COLUMNS);

  /**
   * The first statement of a delete, whatever the catalog's size: its row, locked, gets the name
   * NULL (the tombstone, V8), which makes it and all in it unreachable and frees the name, and lets
   * go of its warehouse; returns its id, nothing if there is no such catalog. The lock waits for
   * the writers that hold the catalog (a grant naming it locks it FOR KEY SHARE) and keeps new ones
   * out; those that committed first are seen by the next statement.
   */
  private static final String TOMBSTONE =
      """
      WITH old AS (
          SELECT c.tenant_id, c.catalog_id
          FROM ${schema}.catalogs c
          WHERE c.tenant_id = :tenant AND c.name = :name
          FOR UPDATE
      )
      UPDATE ${schema}.catalogs c
      -- The warehouse is free: it may be deleted at once.
      SET name = NULL,
          warehouse_id = NULL,
          updated_at = GREATEST(:now, c.updated_at)
      FROM old
      WHERE c.tenant_id = old.tenant_id AND c.catalog_id = old.catalog_id
      RETURNING c.catalog_id
      """;

  /**
   * The second statement: deletes the grants naming the catalog (of roles and direct permissions,
   * reached through their roles and users, not through the catalog) and its last sync's stats, and
   * records its purge for the purger ({@code purge/}).
   */
  private static final String FORGET =
      """
      WITH role_grants AS (
          DELETE FROM ${schema}.role_grants g
          WHERE g.tenant_id = :tenant AND g.catalog_id = :catalog_id
      ), permissions AS (
          DELETE FROM ${schema}.permissions p
          WHERE p.tenant_id = :tenant AND p.catalog_id = :catalog_id
      ), sync_stats AS (
          -- Forgotten with the catalog (a federated catalog's last sync; one row at most).
          DELETE FROM ${schema}.catalog_sync_stats s
          WHERE s.tenant_id = :tenant AND s.catalog_id = :catalog_id
      )
      INSERT INTO ${schema}.purges (tenant_id, purge_id, kind, catalog_id, name, requested_at)
      VALUES (:tenant, :purge_id, 'CATALOG', :catalog_id, :name, :now)
      """;

  /** Failure paths only: the tenant, its catalog of that name, and a warehouse of that name. */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_type,
             w.warehouse_id IS NOT NULL AS warehouse_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :name
      LEFT JOIN ${schema}.warehouses w ON w.tenant_id = t.tenant_id AND w.name = :warehouse
      """;

  private final CatalogRows rows;
  private final NamedSql insertLocal;
  private final NamedSql insertFederated;
  private final NamedSql select;
  private final NamedSql selectPage;
  private final NamedSql update;
  private final NamedSql tombstone;
  private final NamedSql forget;
  private final NamedSql lookup;

  CatalogSql(SqlText sql, CatalogRows rows) {
    this.rows = rows;
    this.insertLocal = sql.compile(INSERT_LOCAL);
    this.insertFederated = sql.compile(INSERT_FEDERATED);
    this.select = sql.compile(SELECT);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.update = sql.compile(UPDATE);
    this.tombstone = sql.compile(TOMBSTONE);
    this.forget = sql.compile(FORGET);
    this.lookup = sql.compile(LOOKUP);
  }

  /**
   * Inserts the catalog and its branch main; false if nothing was inserted because a LOCAL
   * catalog's warehouse does not exist (or its tenant does not).
   *
   * @param sealed a federated catalog's connector credentials, sealed; null for none
   */
  boolean insert(Connection connection, TenantId tenant, Catalog catalog, byte[] sealed)
      throws SQLException {
    boolean local = catalog.source() instanceof CatalogSource.Local;
    try (SqlStatement statement =
        SqlStatement.prepare(connection, local ? insertLocal : insertFederated)) {
      statement
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalog.id().value())
          .text("name", catalog.name())
          .json("properties", catalog.properties())
          .timestamp("now", catalog.createdAt())
          .uuid("main_branch_id", UUID.randomUUID())
          .uuid("root_commit_id", UUID.randomUUID())
          .text("main_branch", BranchRef.MAIN);
      if (catalog.source() instanceof CatalogSource.Local source) {
        statement.text("warehouse", source.warehouse());
      } else if (catalog.source() instanceof CatalogSource.Federated source) {
        statement
            .text("connector_type", source.connector().connectorType())
            .json("connector_options", source.connector().options())
            .bytes("connector_credentials", sealed);
      }
      return statement.queryOne(row -> row.getLong("created")).orElseThrow() > 0;
    }
  }

  Optional<Catalog> select(Connection connection, TenantId tenant, String name)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .text("name", name)
          .queryOne(row -> rows.catalog(tenant, row));
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} catalogs after the cursor; empty if the tenant does not exist,
   * a list of empties (one) if it has no more catalogs.
   */
  List<Optional<Catalog>> page(Connection connection, TenantId tenant, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      return query
          .uuid("tenant", tenant.value())
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize())
          .query(
              row ->
                  row.getObject("catalog_id") == null
                      ? Optional.<Catalog>empty()
                      : Optional.of(rows.catalog(tenant, row)));
    }
  }

  /**
   * The updated catalog; empty if there is none, or a connector was given to a LOCAL one.
   *
   * @param sealed the new connector's credentials, sealed, if {@code change} gives a connector
   */
  Optional<Catalog> update(
      Connection connection,
      TenantId tenant,
      String name,
      CatalogUpdate change,
      byte[] sealed,
      Instant now)
      throws SQLException {
    Optional<ConnectorConfig> connector = change.connector();
    PropertyUpdate properties = change.properties();
    try (SqlStatement statement = SqlStatement.prepare(connection, update)) {
      return statement
          .uuid("tenant", tenant.value())
          .text("name", name)
          .bool("has_connector", connector.isPresent())
          .text("connector_type", connector.map(ConnectorConfig::connectorType).orElse(null))
          .json("connector_options", connector.map(ConnectorConfig::options).orElse(null))
          .bytes("connector_credentials", sealed)
          .textArray("remove", properties.remove())
          .json("set", properties.set())
          .timestamp("now", now)
          .queryOne(row -> rows.catalog(tenant, row));
    }
  }

  /**
   * Deletes the catalog, in the caller's transaction: whether it existed. Afterwards it is
   * invisible with everything in it, its name free, its grants gone and its purge recorded.
   */
  boolean delete(Connection connection, TenantId tenant, String name, Instant now)
      throws SQLException {
    Optional<UUID> catalogId;
    try (SqlStatement statement = SqlStatement.prepare(connection, tombstone)) {
      catalogId =
          statement
              .uuid("tenant", tenant.value())
              .text("name", name)
              .timestamp("now", now)
              .queryOne(row -> row.getObject("catalog_id", UUID.class));
    }
    if (catalogId.isEmpty()) {
      return false;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, forget)) {
      statement
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId.get())
          .uuid("purge_id", UUID.randomUUID())
          .text("name", name)
          .timestamp("now", now)
          .update();
    }
    return true;
  }

  /** What exists of the tenant, its catalog {@code name} and its warehouse {@code warehouse}. */
  CatalogRows.Lookup lookup(
      Connection connection, TenantId tenant, String name, Optional<String> warehouse)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return query
          .uuid("tenant", tenant.value())
          .text("name", name)
          .text("warehouse", warehouse.orElse(null))
          .queryOne(CatalogRows::lookup)
          .orElseThrow();
    }
  }
}
