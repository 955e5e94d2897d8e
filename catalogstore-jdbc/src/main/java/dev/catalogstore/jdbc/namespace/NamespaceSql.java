package dev.catalogstore.jdbc.namespace;

import static dev.catalogstore.jdbc.namespace.NamespaceRows.COLUMNS;
import static dev.catalogstore.jdbc.namespace.NamespaceRows.COLUMNS_BUT_PATH;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The namespaces' statements, each one round trip. A namespace is found by its catalog's name and
 * its path key (see {@link NamespaceKey}), comparing the path itself as well. The database keeps
 * the tree whole: {@code namespaces_parent_fk} refuses a namespace whose parent is missing and the
 * deletion of one with children, and {@code assets_namespace_fk} the deletion of one holding an
 * asset on any branch.
 *
 * <p>Parameters: {@code :tenant}, {@code :catalog} (the catalog's name), {@code :path_key} and
 * {@code :path} (the namespace), bound together by {@link #bindNamespace}.
 */
final class NamespaceSql {
  /** The namespace n of catalog c at (tenant, catalog name, path key, path). */
  private static final String NAMESPACE =
      """
      ${schema}.catalogs c
      JOIN ${schema}.namespaces n ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id""";

  private static final String WHERE_NAMESPACE =
      """
      c.tenant_id = :tenant AND c.name = :catalog
        AND n.path_key = :path_key AND n.path = :path::text[]""";

  /** Resolves the catalog by name; no row inserted means no such catalog (or tenant). */
  private static final String INSERT =
      """
      INSERT INTO ${schema}.namespaces
          (tenant_id, namespace_id, catalog_id, path, path_key, parent_key, properties,
           created_at, updated_at)
      SELECT c.tenant_id, :namespace_id, c.catalog_id, :path::text[], :path_key, :parent_key,
             :properties::jsonb, :now, :now
      FROM ${schema}.catalogs c
      WHERE c.tenant_id = :tenant AND c.name = :catalog
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM %s
      WHERE %s
      """
          .formatted(COLUMNS_BUT_PATH, NAMESPACE, WHERE_NAMESPACE);

  /** Children of the root: no parent row to find. No row at all: the catalog does not exist. */
  private static final String SELECT_TOP_LEVEL_PAGE =
      """
      SELECT n.*
      FROM ${schema}.catalogs c
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.namespaces n
          WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
            AND n.parent_key IS NULL AND n.name > :after
          ORDER BY n.name
          LIMIT :limit
      ) n ON true
      WHERE c.tenant_id = :tenant AND c.name = :catalog
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY n.name
      """
          .formatted(COLUMNS + ", n.name");

  /** Children of the namespace p. No row at all: the catalog or the parent does not exist. */
  private static final String SELECT_CHILDREN_PAGE =
      """
      SELECT n.*
      FROM ${schema}.catalogs c
      JOIN ${schema}.namespaces p ON p.tenant_id = c.tenant_id AND p.catalog_id = c.catalog_id
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.namespaces n
          WHERE n.tenant_id = p.tenant_id AND n.catalog_id = p.catalog_id
            AND n.parent_key = p.path_key AND n.name > :after
          ORDER BY n.name
          LIMIT :limit
      ) n ON true
      WHERE c.tenant_id = :tenant AND c.name = :catalog
        AND p.path_key = :path_key AND p.path = :path::text[]
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY n.name
      """
          .formatted(COLUMNS + ", n.name");

  private static final String UPDATE_PROPERTIES =
      """
      UPDATE ${schema}.namespaces n
      SET properties = (n.properties - :remove::text[]) || :set::jsonb,
          updated_at = GREATEST(:now, n.updated_at)
      FROM ${schema}.catalogs c
      WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
        AND %s
      RETURNING %s
      """
          .formatted(WHERE_NAMESPACE, COLUMNS_BUT_PATH);

  private static final String REPLACE_PROPERTIES =
      """
      UPDATE ${schema}.namespaces n
      SET properties = :properties::jsonb,
          updated_at = GREATEST(:now, n.updated_at)
      FROM ${schema}.catalogs c
      WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
        AND %s
      RETURNING %s
      """
          .formatted(WHERE_NAMESPACE, COLUMNS_BUT_PATH);

  private static final String DELETE =
      """
      DELETE FROM ${schema}.namespaces n
      USING ${schema}.catalogs c
      WHERE n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
        AND %s
      """
          .formatted(WHERE_NAMESPACE);

  /** Failure paths only: which of tenant, catalog and namespace exist. */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             n.namespace_id IS NOT NULL AS namespace_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.namespaces n
          ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
          AND n.path_key = :path_key AND n.path = :path::text[]
      """;

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectTopLevelPage;
  private final NamedSql selectChildrenPage;
  private final NamedSql updateProperties;
  private final NamedSql replaceProperties;
  private final NamedSql delete;
  private final NamedSql lookup;

  NamespaceSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectTopLevelPage = sql.compile(SELECT_TOP_LEVEL_PAGE);
    this.selectChildrenPage = sql.compile(SELECT_CHILDREN_PAGE);
    this.updateProperties = sql.compile(UPDATE_PROPERTIES);
    this.replaceProperties = sql.compile(REPLACE_PROPERTIES);
    this.delete = sql.compile(DELETE);
    this.lookup = sql.compile(LOOKUP);
  }

  /** Inserts the namespace; false if its catalog (or tenant) does not exist. */
  boolean insert(Connection connection, TenantId tenant, Namespace namespace) throws SQLException {
    NamespacePath path = namespace.ref().path();
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return bindNamespace(statement, tenant, namespace.ref())
              .uuid("namespace_id", UUID.randomUUID())
              .bytes("parent_key", NamespaceKey.ofParent(path))
              .json("properties", namespace.properties())
              .timestamp("now", namespace.createdAt())
              .update()
          > 0;
    }
  }

  Optional<Namespace> select(Connection connection, TenantId tenant, NamespaceRef namespace)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return bindNamespace(query, tenant, namespace)
          .queryOne(row -> NamespaceRows.namespaceAt(namespace, row));
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} children of {@code parent} after the cursor; empty if the
   * catalog or the parent does not exist, a list of empties (one) if there are no more children.
   */
  List<Optional<Namespace>> page(
      Connection connection, TenantId tenant, NamespaceRef parent, ListQuery.Cursor cursor)
      throws SQLException {
    boolean topLevel = parent.path().isRoot();
    try (SqlStatement query =
        SqlStatement.prepare(connection, topLevel ? selectTopLevelPage : selectChildrenPage)) {
      if (topLevel) {
        query.uuid("tenant", tenant.value()).text("catalog", parent.catalog());
      } else {
        bindNamespace(query, tenant, parent);
      }
      return query
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize())
          .query(
              row ->
                  row.getArray("path") == null
                      ? Optional.<Namespace>empty()
                      : Optional.of(NamespaceRows.namespace(parent.catalog(), row)));
    }
  }

  /** The updated namespace; empty if it does not exist. */
  Optional<Namespace> updateProperties(
      Connection connection,
      TenantId tenant,
      NamespaceRef namespace,
      PropertyUpdate update,
      Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, updateProperties)) {
      return bindNamespace(statement, tenant, namespace)
          .textArray("remove", update.remove())
          .json("set", update.set())
          .timestamp("now", now)
          .queryOne(row -> NamespaceRows.namespaceAt(namespace, row));
    }
  }

  /** The updated namespace; empty if it does not exist. */
  Optional<Namespace> replaceProperties(
      Connection connection,
      TenantId tenant,
      NamespaceRef namespace,
      Map<String, String> properties,
      Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, replaceProperties)) {
      return bindNamespace(statement, tenant, namespace)
          .json("properties", properties)
          .timestamp("now", now)
          .queryOne(row -> NamespaceRows.namespaceAt(namespace, row));
    }
  }

  /** Whether the namespace existed and is now deleted. */
  boolean delete(Connection connection, TenantId tenant, NamespaceRef namespace)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return bindNamespace(statement, tenant, namespace).update() > 0;
    }
  }

  /**
   * The outermost missing part of the address of {@code namespace} (a catalog's root has only a
   * tenant and a catalog); empty if all exist.
   */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, NamespaceRef namespace)
      throws SQLException {
    ObjectType[] path =
        namespace.path().isRoot()
            ? new ObjectType[] {ObjectType.TENANT, ObjectType.CATALOG}
            : new ObjectType[] {ObjectType.TENANT, ObjectType.CATALOG, ObjectType.NAMESPACE};
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return bindNamespace(query, tenant, namespace)
          .queryOne(row -> NotFound.outermost(row, path))
          .orElseThrow();
    }
  }

  /** Binds {@code :tenant}, {@code :catalog}, {@code :path_key} and {@code :path}. */
  private static SqlStatement bindNamespace(
      SqlStatement statement, TenantId tenant, NamespaceRef namespace) throws SQLException {
    return statement
        .uuid("tenant", tenant.value())
        .text("catalog", namespace.catalog())
        .bytes("path_key", NamespaceKey.of(namespace.path()))
        .textArray("path", namespace.path().segments());
  }
}
