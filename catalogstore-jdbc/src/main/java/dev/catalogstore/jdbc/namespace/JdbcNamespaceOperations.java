package dev.catalogstore.jdbc.namespace;

import dev.catalogstore.api.common.Properties;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceOperations;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Namespaces on PostgreSQL. A namespace is found by its catalog's name and its path key (see
 * {@link NamespaceKey}) in one statement. The database keeps the tree whole: {@code
 * namespaces_parent_fk} refuses a namespace whose parent is missing and the deletion of one with
 * children, and {@code assets_namespace_fk} the deletion of one holding an asset on any branch.
 * Internal to the JDBC store.
 */
public final class JdbcNamespaceOperations implements NamespaceOperations {
  private static final String COLUMNS = "n.path, n.properties, n.created_at, n.updated_at";

  /** Resolves the catalog by name; no row inserted means no such catalog. */
  private static final String INSERT = """
      INSERT INTO ${schema}.namespaces
          (tenant_id, namespace_id, catalog_id, path, path_key, parent_key, properties,
           created_at, updated_at)
      SELECT c.tenant_id, ?, c.catalog_id, ?::text[], ?, ?, ?::jsonb, ?, ?
      FROM ${schema}.catalogs c
      WHERE c.tenant_id = ? AND c.name = ?
      """;

  /** The namespace n at (catalog name, path key, path); shared by the statements below. */
  private static final String NAMESPACE = """
      ${schema}.catalogs c
      JOIN ${schema}.namespaces n ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
      """;
  private static final String NAMESPACE_WHERE = """
      c.tenant_id = ? AND c.name = ? AND n.path_key = ? AND n.path = ?::text[]
      """;

  private static final String SELECT =
      "SELECT " + COLUMNS + "\nFROM " + NAMESPACE + "WHERE " + NAMESPACE_WHERE;

  /** Children of the root: no parent row to find. No row at all: the catalog does not exist. */
  private static final String SELECT_TOP_LEVEL_PAGE = """
      SELECT n.*
      FROM ${schema}.catalogs c
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.namespaces n
          WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
            AND n.parent_key IS NULL AND n.name > ?
          ORDER BY n.name
          LIMIT ?
      ) n ON true
      WHERE c.tenant_id = ? AND c.name = ?
      """.formatted(COLUMNS);

  /** Children of the namespace p. No row at all: the catalog or the parent does not exist. */
  private static final String SELECT_CHILDREN_PAGE = """
      SELECT n.*
      FROM ${schema}.catalogs c
      JOIN ${schema}.namespaces p ON p.tenant_id = c.tenant_id AND p.catalog_id = c.catalog_id
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.namespaces n
          WHERE n.tenant_id = p.tenant_id AND n.catalog_id = p.catalog_id
            AND n.parent_key = p.path_key AND n.name > ?
          ORDER BY n.name
          LIMIT ?
      ) n ON true
      WHERE c.tenant_id = ? AND c.name = ? AND p.path_key = ? AND p.path = ?::text[]
      """.formatted(COLUMNS);

  private static final String UPDATE_PROPERTIES = """
      UPDATE ${schema}.namespaces n
      SET properties = (n.properties - ?::text[]) || ?::jsonb,
          updated_at = ?
      FROM ${schema}.catalogs c
      WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
        AND %s
      RETURNING %s
      """.formatted(NAMESPACE_WHERE.strip(), COLUMNS);

  private static final String REPLACE_PROPERTIES = """
      UPDATE ${schema}.namespaces n
      SET properties = ?::jsonb,
          updated_at = ?
      FROM ${schema}.catalogs c
      WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
        AND %s
      RETURNING %s
      """.formatted(NAMESPACE_WHERE.strip(), COLUMNS);

  private static final String DELETE = """
      DELETE FROM ${schema}.namespaces n
      USING ${schema}.catalogs c
      WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
        AND %s
      """.formatted(NAMESPACE_WHERE.strip());

  private final Database db;
  private final String insert;
  private final String select;
  private final String selectTopLevelPage;
  private final String selectChildrenPage;
  private final String updateProperties;
  private final String replaceProperties;
  private final String delete;

  public JdbcNamespaceOperations(Database db, SqlText sql) {
    this.db = db;
    this.insert = sql.render(INSERT);
    this.select = sql.render(SELECT);
    this.selectTopLevelPage = sql.render(SELECT_TOP_LEVEL_PAGE);
    this.selectChildrenPage = sql.render(SELECT_CHILDREN_PAGE);
    this.updateProperties = sql.render(UPDATE_PROPERTIES);
    this.replaceProperties = sql.render(REPLACE_PROPERTIES);
    this.delete = sql.render(DELETE);
  }

  @Override
  public CompletableFuture<Namespace> createNamespace(
      TenantId tenant, NamespaceRef namespace, Map<String, String> callersProperties) {
    // Copied now, on the caller's thread: the call runs later on a store thread, by when the
    // caller may have changed or reused its map. (The copy keeps nulls for validation to name.)
    Map<String, String> properties = Properties.copyOf(callersProperties);
    return db.submit("createNamespace", () -> {
      Requests.tenant(tenant);
      Requests.namespace(namespace, "namespace");
      Inputs.properties(properties, "properties");
      NamespacePath path = namespace.path();
      Instant now = db.now();
      Namespace row = new Namespace(namespace, properties, now, now);
      int inserted = db.run(
          "createNamespace",
          new Violations(
              () -> new AlreadyExistsException("namespace " + namespace + " already exists"),
              () -> parentNotFound(namespace)),
          connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
              return statement.uuid(UUID.randomUUID()).textArray(path.segments())
                  .bytes(NamespaceKey.of(path)).bytes(NamespaceKey.ofParent(path))
                  .json(row.properties()).timestamp(now).timestamp(now)
                  .uuid(tenant.value()).text(namespace.catalog())
                  .update();
            }
          });
      if (inserted == 0) {
        throw catalogNotFound(namespace.catalog());
      }
      return row;
    });
  }

  @Override
  public CompletableFuture<Optional<Namespace>> getNamespace(
      TenantId tenant, NamespaceRef namespace) {
    return db.submit("getNamespace", () -> {
      Requests.tenant(tenant);
      Requests.namespace(namespace, "namespace");
      return db.run("getNamespace", Violations.none("getNamespace"), connection -> {
        try (SqlStatement query = SqlStatement.prepare(connection, select)) {
          return bindNamespace(query, tenant, namespace)
              .query(row -> namespace(namespace.catalog(), row)).stream().findFirst();
        }
      });
    });
  }

  @Override
  public CompletableFuture<Page<Namespace>> listNamespaces(
      TenantId tenant, NamespaceRef parent, PageRequest page) {
    return db.submit("listNamespaces", () -> {
      Requests.tenant(tenant);
      Requests.namespaceOrRoot(parent, "parent");
      List<String> arguments = new ArrayList<>();
      arguments.add(parent.catalog());
      arguments.addAll(parent.path().segments());
      Keyset keyset = new Keyset(tenant, "namespaces", arguments);
      Keyset.Cursor cursor = keyset.cursor(page, 1);
      List<Optional<Namespace>> rows =
          db.run("listNamespaces", Violations.none("listNamespaces"), connection -> {
            boolean topLevel = parent.path().isRoot();
            try (SqlStatement query = SqlStatement.prepare(
                connection, topLevel ? selectTopLevelPage : selectChildrenPage)) {
              query.text(cursor.afterName()).integer(cursor.fetchSize())
                  .uuid(tenant.value()).text(parent.catalog());
              if (!topLevel) {
                query.bytes(NamespaceKey.of(parent.path())).textArray(parent.path().segments());
              }
              return query.query(row -> row.getArray("path") == null
                  ? Optional.<Namespace>empty()
                  : Optional.of(namespace(parent.catalog(), row)));
            }
          });
      if (rows.isEmpty()) {
        throw parent.path().isRoot() ? catalogNotFound(parent.catalog()) : missing(parent);
      }
      List<Namespace> items = rows.stream().flatMap(Optional::stream).toList();
      return keyset.page(items, cursor, n -> List.of(n.path().lastSegment()));
    });
  }

  @Override
  public CompletableFuture<Namespace> updateNamespaceProperties(
      TenantId tenant, NamespaceRef namespace, PropertyUpdate update) {
    return db.submit("updateNamespaceProperties", () -> {
      Requests.tenant(tenant);
      Requests.namespace(namespace, "namespace");
      Inputs.propertyUpdate(update, "update");
      Instant now = db.now();
      return db.run(
          "updateNamespaceProperties",
          Violations.none("updateNamespaceProperties"),
          connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, updateProperties)) {
              statement.textArray(update.remove()).json(update.set()).timestamp(now);
              return bindNamespace(statement, tenant, namespace)
                  .query(row -> namespace(namespace.catalog(), row)).stream().findFirst();
            }
          })
          .orElseThrow(() -> missing(namespace));
    });
  }

  @Override
  public CompletableFuture<Namespace> replaceNamespaceProperties(
      TenantId tenant, NamespaceRef namespace, Map<String, String> callersProperties) {
    // Copied now, on the caller's thread: the call runs later on a store thread, by when the
    // caller may have changed or reused its map. (The copy keeps nulls for validation to name.)
    Map<String, String> properties = Properties.copyOf(callersProperties);
    return db.submit("replaceNamespaceProperties", () -> {
      Requests.tenant(tenant);
      Requests.namespace(namespace, "namespace");
      Inputs.properties(properties, "properties");
      Instant now = db.now();
      return db.run(
          "replaceNamespaceProperties",
          Violations.none("replaceNamespaceProperties"),
          connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, replaceProperties)) {
              statement.json(properties).timestamp(now);
              return bindNamespace(statement, tenant, namespace)
                  .query(row -> namespace(namespace.catalog(), row)).stream().findFirst();
            }
          })
          .orElseThrow(() -> missing(namespace));
    });
  }

  @Override
  public CompletableFuture<Void> deleteNamespace(TenantId tenant, NamespaceRef namespace) {
    return db.submit("deleteNamespace", () -> {
      Requests.tenant(tenant);
      Requests.namespace(namespace, "namespace");
      int deleted = db.run(
          "deleteNamespace",
          Violations.onForeignKey("deleteNamespace", () -> new PreconditionFailedException(
              "namespace " + namespace + " is not empty: it has child namespaces or assets")),
          connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
              return bindNamespace(statement, tenant, namespace).update();
            }
          });
      if (deleted == 0) {
        throw missing(namespace);
      }
      return null;
    });
  }

  /** Binds the four parameters of {@code NAMESPACE_WHERE}. */
  private static SqlStatement bindNamespace(
      SqlStatement statement, TenantId tenant, NamespaceRef ref) throws SQLException {
    return statement.uuid(tenant.value()).text(ref.catalog())
        .bytes(NamespaceKey.of(ref.path())).textArray(ref.path().segments());
  }

  private static Namespace namespace(String catalog, ResultSet row) throws SQLException {
    return new Namespace(
        new NamespaceRef(catalog, new NamespacePath(Rows.textArray(row, "path"))),
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }

  private static NotFoundException catalogNotFound(String catalog) {
    return new NotFoundException("catalog '" + catalog + "' does not exist");
  }

  private static NotFoundException missing(NamespaceRef namespace) {
    return new NotFoundException(
        "namespace " + namespace + " does not exist (or its catalog does not)");
  }

  private static NotFoundException parentNotFound(NamespaceRef namespace) {
    return new NotFoundException(
        "the parent of namespace " + namespace + " does not exist");
  }
}
