package dev.catalogstore.jdbc.catalog;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogId;
import dev.catalogstore.api.catalog.CatalogOperations;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.validation.Inputs;
import dev.catalogstore.api.validation.Requests;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.Keyset;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.Violations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Catalogs on PostgreSQL. A catalog and its branch {@code main} are inserted by one statement; a
 * {@code LOCAL} catalog takes its warehouse's id in the same statement, so a missing warehouse
 * inserts nothing (a second query then tells a taken name from a missing warehouse) and a
 * concurrently deleted one is a foreign-key violation. Deleting a catalog removes its branches,
 * namespaces, assets and their history through {@code ON DELETE CASCADE}, in the same statement.
 * Internal to the JDBC store.
 */
public final class JdbcCatalogOperations implements CatalogOperations {
  private static final String COLUMNS = """
      c.catalog_id, c.name, c.catalog_type, w.name AS warehouse_name, c.connector_type,
      c.connector_options, c.properties, c.created_at, c.updated_at""";

  /** Appended to each catalog insert: the catalog's branch main, in the same statement. */
  private static final String WITH_MAIN_BRANCH = """
      , main AS (
          INSERT INTO ${schema}.branches (tenant_id, branch_id, catalog_id, name, created_at)
          SELECT tenant_id, ?, catalog_id, ?, created_at
          FROM catalog
      )
      SELECT count(*) AS created
      FROM catalog
      """;

  private static final String INSERT_LOCAL = """
      WITH catalog AS (
          INSERT INTO ${schema}.catalogs
              (tenant_id, catalog_id, name, catalog_type, warehouse_id, properties,
               created_at, updated_at)
          SELECT w.tenant_id, ?, ?, 'LOCAL', w.warehouse_id, ?::jsonb, ?, ?
          FROM ${schema}.warehouses w
          WHERE w.tenant_id = ? AND w.name = ?
          RETURNING tenant_id, catalog_id, created_at
      )
      """ + WITH_MAIN_BRANCH;

  private static final String INSERT_FEDERATED = """
      WITH catalog AS (
          INSERT INTO ${schema}.catalogs
              (tenant_id, catalog_id, name, catalog_type, connector_type, connector_options,
               properties, created_at, updated_at)
          VALUES (?, ?, ?, 'FEDERATED', ?, ?::jsonb, ?::jsonb, ?, ?)
          RETURNING tenant_id, catalog_id, created_at
      )
      """ + WITH_MAIN_BRANCH;

  private static final String SELECT = """
      SELECT %s
      FROM ${schema}.catalogs c
      LEFT JOIN ${schema}.warehouses w
          ON w.tenant_id = c.tenant_id AND w.warehouse_id = c.warehouse_id
      WHERE c.tenant_id = ? AND c.name = ?
      """.formatted(COLUMNS);

  /** No row: the tenant does not exist; one row of NULLs: an empty page. */
  private static final String SELECT_PAGE = """
      SELECT page.*
      FROM ${schema}.tenants t
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.catalogs c
          LEFT JOIN ${schema}.warehouses w
              ON w.tenant_id = c.tenant_id AND w.warehouse_id = c.warehouse_id
          WHERE c.tenant_id = t.tenant_id AND c.name > ?
          ORDER BY c.name
          LIMIT ?
      ) page ON true
      WHERE t.tenant_id = ?
      """.formatted(COLUMNS);

  /**
   * A connector is only accepted by a FEDERATED catalog: with one given, a LOCAL catalog matches
   * no row, and the failure path tells that apart from a missing catalog.
   */
  private static final String UPDATE = """
      WITH c AS (
          UPDATE ${schema}.catalogs
          SET connector_type = COALESCE(?::text, connector_type),
              connector_options = COALESCE(?::jsonb, connector_options),
              properties = (properties - ?::text[]) || ?::jsonb,
              updated_at = ?
          WHERE tenant_id = ? AND name = ?
            AND (NOT ?::boolean OR catalog_type = 'FEDERATED')
          RETURNING *
      )
      SELECT %s
      FROM c
      LEFT JOIN ${schema}.warehouses w
          ON w.tenant_id = c.tenant_id AND w.warehouse_id = c.warehouse_id
      """.formatted(COLUMNS);

  /** Failure paths only: does the catalog exist, and of which type? */
  private static final String SELECT_TYPE = """
      SELECT catalog_type
      FROM ${schema}.catalogs
      WHERE tenant_id = ? AND name = ?
      """;

  private static final String DELETE = """
      DELETE FROM ${schema}.catalogs
      WHERE tenant_id = ? AND name = ?
      """;

  private final Database db;
  private final String insertLocal;
  private final String insertFederated;
  private final String select;
  private final String selectPage;
  private final String update;
  private final String selectType;
  private final String delete;

  public JdbcCatalogOperations(Database db, SqlText sql) {
    this.db = db;
    this.insertLocal = sql.render(INSERT_LOCAL);
    this.insertFederated = sql.render(INSERT_FEDERATED);
    this.select = sql.render(SELECT);
    this.selectPage = sql.render(SELECT_PAGE);
    this.update = sql.render(UPDATE);
    this.selectType = sql.render(SELECT_TYPE);
    this.delete = sql.render(DELETE);
  }

  @Override
  public CompletableFuture<Catalog> createCatalog(TenantId tenant, NewCatalog catalog) {
    return db.submit("createCatalog", () -> {
      Requests.tenant(tenant);
      Requests.newCatalog(catalog, "catalog");
      Instant now = db.now();
      Catalog row = new Catalog(CatalogId.random(), catalog.name(), catalog.source(),
          catalog.properties(), now, now);
      UUID mainBranch = UUID.randomUUID();
      NotFoundException missingParent = catalog.source() instanceof CatalogSource.Local local
          ? new NotFoundException("warehouse '" + local.warehouse() + "' does not exist")
          : new NotFoundException("tenant " + tenant + " does not exist");
      long created = db.run(
          "createCatalog",
          new Violations(
              () -> new AlreadyExistsException("catalog '" + catalog.name() + "' already exists"),
              () -> missingParent),
          connection -> {
            if (catalog.source() instanceof CatalogSource.Local local) {
              try (SqlStatement statement = SqlStatement.prepare(connection, insertLocal)) {
                statement.uuid(row.id().value()).text(row.name()).json(row.properties())
                    .timestamp(now).timestamp(now).uuid(tenant.value()).text(local.warehouse());
                return insertedCount(statement, mainBranch);
              }
            }
            ConnectorConfig connector = ((CatalogSource.Federated) catalog.source()).connector();
            try (SqlStatement statement = SqlStatement.prepare(connection, insertFederated)) {
              statement.uuid(tenant.value()).uuid(row.id().value()).text(row.name())
                  .text(connector.connectorType()).json(connector.options())
                  .json(row.properties()).timestamp(now).timestamp(now);
              return insertedCount(statement, mainBranch);
            }
          });
      if (created == 0) {
        // The warehouse (or tenant) is missing. A taken name is reported first, as on every
        // backend, so the failure path looks for one.
        throw catalogType(tenant, catalog.name()).isPresent()
            ? new AlreadyExistsException("catalog '" + catalog.name() + "' already exists")
            : missingParent;
      }
      return row;
    });
  }

  private static long insertedCount(SqlStatement statement, UUID mainBranch) throws SQLException {
    return statement.uuid(mainBranch).text(BranchRef.MAIN)
        .query(result -> result.getLong("created")).get(0);
  }

  @Override
  public CompletableFuture<Optional<Catalog>> getCatalog(TenantId tenant, String name) {
    return db.submit("getCatalog", () -> {
      Requests.tenant(tenant);
      Inputs.name(name, "name");
      return db.run("getCatalog", Violations.none("getCatalog"), connection -> {
        try (SqlStatement query = SqlStatement.prepare(connection, select)) {
          return query.uuid(tenant.value()).text(name)
              .query(JdbcCatalogOperations::catalog).stream().findFirst();
        }
      });
    });
  }

  @Override
  public CompletableFuture<Page<Catalog>> listCatalogs(TenantId tenant, PageRequest page) {
    return db.submit("listCatalogs", () -> {
      Requests.tenant(tenant);
      Keyset keyset = new Keyset(tenant, "catalogs", List.of());
      Keyset.Cursor cursor = keyset.cursor(page, 1);
      List<Optional<Catalog>> rows =
          db.run("listCatalogs", Violations.none("listCatalogs"), connection -> {
            try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
              return query.text(cursor.afterName()).integer(cursor.fetchSize()).uuid(tenant.value())
                  .query(row -> row.getObject("catalog_id") == null
                      ? Optional.<Catalog>empty()
                      : Optional.of(catalog(row)));
            }
          });
      if (rows.isEmpty()) {
        throw new NotFoundException("tenant " + tenant + " does not exist");
      }
      List<Catalog> items = rows.stream().flatMap(Optional::stream).toList();
      return keyset.page(items, cursor, c -> List.of(c.name()));
    });
  }

  @Override
  public CompletableFuture<Catalog> updateCatalog(
      TenantId tenant, String name, CatalogUpdate update) {
    return db.submit("updateCatalog", () -> {
      Requests.tenant(tenant);
      Inputs.name(name, "name");
      Requests.catalogUpdate(update, "update");
      Optional<ConnectorConfig> connector = update.connector();
      PropertyUpdate properties = update.properties();
      Instant now = db.now();
      Optional<Catalog> updated =
          db.run("updateCatalog", Violations.none("updateCatalog"), connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, this.update)) {
              return statement
                  .text(connector.map(ConnectorConfig::connectorType).orElse(null))
                  .json(connector.map(ConnectorConfig::options).orElse(null))
                  .textArray(properties.remove()).json(properties.set())
                  .timestamp(now).uuid(tenant.value()).text(name).bool(connector.isPresent())
                  .query(JdbcCatalogOperations::catalog).stream().findFirst();
            }
          });
      if (updated.isPresent()) {
        return updated.get();
      }
      throw whyNotUpdated(tenant, name);
    });
  }

  /** The failure path of updateCatalog: a missing catalog, or a connector for a LOCAL one. */
  private RuntimeException whyNotUpdated(TenantId tenant, String name) {
    Optional<String> type = catalogType(tenant, name);
    if (type.isEmpty()) {
      return catalogNotFound(name);
    }
    return new PreconditionFailedException(
        "catalog '" + name + "' is " + type.get() + ": only a FEDERATED catalog has a connector");
  }

  /** The type of the tenant's catalog {@code name}, for failure paths; empty if there is none. */
  private Optional<String> catalogType(TenantId tenant, String name) {
    return db.run("catalogType", Violations.none("catalogType"), connection -> {
      try (SqlStatement query = SqlStatement.prepare(connection, selectType)) {
        return query.uuid(tenant.value()).text(name)
            .query(row -> row.getString("catalog_type")).stream().findFirst();
      }
    });
  }

  @Override
  public CompletableFuture<Void> deleteCatalog(TenantId tenant, String name) {
    return db.submit("deleteCatalog", () -> {
      Requests.tenant(tenant);
      Inputs.name(name, "name");
      int deleted = db.run("deleteCatalog", Violations.none("deleteCatalog"), connection -> {
        try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
          return statement.uuid(tenant.value()).text(name).update();
        }
      });
      if (deleted == 0) {
        throw catalogNotFound(name);
      }
      return null;
    });
  }

  private static NotFoundException catalogNotFound(String name) {
    return new NotFoundException("catalog '" + name + "' does not exist");
  }

  private static Catalog catalog(ResultSet row) throws SQLException {
    CatalogSource source = "LOCAL".equals(row.getString("catalog_type"))
        ? new CatalogSource.Local(row.getString("warehouse_name"))
        : new CatalogSource.Federated(new ConnectorConfig(
            row.getString("connector_type"), Rows.json(row, "connector_options")));
    return new Catalog(
        new CatalogId(Rows.uuid(row, "catalog_id")),
        row.getString("name"),
        source,
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
