package dev.catalogstore.jdbc.namespace;

import dev.catalogstore.api.common.Properties;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The namespaces facet on PostgreSQL: validation and outcomes here, the statements in {@link
 * NamespaceSql}. Every operation is one statement; only a failed one reads again to say which of
 * tenant, catalog and namespace is missing. Internal to the JDBC store.
 */
public final class JdbcNamespaces implements Namespaces {
  private final Database db;
  private final NamespaceSql sql;

  public JdbcNamespaces(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new NamespaceSql(sqlText);
  }

  @Override
  public CompletableFuture<Namespace> create(
      TenantId tenant, NamespaceRef namespace, Map<String, String> callersProperties) {
    // Copied now, on the caller's thread: the call runs later on a store thread, by when the
    // caller may have changed or reused its map. (The copy keeps nulls for validation to name.)
    return db.submit(
        "namespaces.create",
        () -> Properties.copyOf(callersProperties),
        properties ->
            () -> {
              Requests.tenant(tenant);
              Requests.namespace(namespace, "namespace");
              Inputs.properties(properties, "properties");
              Instant now = db.now();
              Namespace row = new Namespace(namespace, properties, now, now);
              NamespaceRef parent =
                  new NamespaceRef(namespace.catalog(), namespace.path().parent());
              Violations violations =
                  Violations.NONE
                      .onUnique(() -> Taken.namespace(namespace))
                      // namespaces_parent_fk, or the catalog was deleted while the namespace was
                      // inserted.
                      .onForeignKey(() -> missing(tenant, parent));
              boolean inserted =
                  db.run(
                      "namespaces.create",
                      violations,
                      connection -> sql.insert(connection, tenant, row));
              if (!inserted) {
                throw missing(tenant, NamespaceRef.root(namespace.catalog()));
              }
              return row;
            });
  }

  @Override
  public CompletableFuture<Optional<Namespace>> get(TenantId tenant, NamespaceRef namespace) {
    return db.submit(
        "namespaces.get",
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          return db.run(
              "namespaces.get",
              Violations.NONE,
              connection -> sql.select(connection, tenant, namespace));
        });
  }

  @Override
  public CompletableFuture<Page<Namespace>> list(
      TenantId tenant, NamespaceRef parent, PageRequest page) {
    return db.submit(
        "namespaces.list",
        () -> {
          Requests.tenant(tenant);
          Requests.namespaceOrRoot(parent, "parent");
          ListQuery query = ListQuery.namespaces(tenant, parent);
          ListQuery.Cursor cursor = query.cursor(page);
          List<Optional<Namespace>> rows =
              db.run(
                  "namespaces.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, parent, cursor));
          if (rows.isEmpty()) {
            throw missing(tenant, parent);
          }
          List<Namespace> items = rows.stream().flatMap(Optional::stream).toList();
          return query.page(items, cursor, n -> n.path().lastSegment());
        });
  }

  @Override
  public CompletableFuture<Namespace> updateProperties(
      TenantId tenant, NamespaceRef namespace, PropertyUpdate update) {
    return db.submit(
        "namespaces.updateProperties",
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          Inputs.propertyUpdate(update, "update");
          Instant now = db.now();
          Violations violations = Violations.NONE.onPropertyLimit("update");
          return db.run(
                  "namespaces.updateProperties",
                  violations,
                  connection -> sql.updateProperties(connection, tenant, namespace, update, now))
              .orElseThrow(() -> missing(tenant, namespace));
        });
  }

  @Override
  public CompletableFuture<Namespace> replaceProperties(
      TenantId tenant, NamespaceRef namespace, Map<String, String> callersProperties) {
    // Copied now, on the caller's thread, as for create.
    return db.submit(
        "namespaces.replaceProperties",
        () -> Properties.copyOf(callersProperties),
        properties ->
            () -> {
              Requests.tenant(tenant);
              Requests.namespace(namespace, "namespace");
              Inputs.properties(properties, "properties");
              Instant now = db.now();
              Violations violations = Violations.NONE.onPropertyLimit("properties");
              return db.run(
                      "namespaces.replaceProperties",
                      violations,
                      connection ->
                          sql.replaceProperties(connection, tenant, namespace, properties, now))
                  .orElseThrow(() -> missing(tenant, namespace));
            });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, NamespaceRef namespace) {
    return db.submit(
        "namespaces.delete",
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          Violations violations =
              Violations.NONE.onForeignKey(
                  () ->
                      new PreconditionFailedException(
                          "namespace "
                              + namespace
                              + " is not empty: it has child namespaces or assets"));
          boolean deleted =
              db.run(
                  "namespaces.delete",
                  violations,
                  connection -> sql.delete(connection, tenant, namespace));
          if (!deleted) {
            throw missing(tenant, namespace);
          }
          return null;
        });
  }

  /**
   * The failure path of a statement that did not find {@code namespace} (or, for a catalog's root,
   * its catalog): the outermost missing part of its address. If all exist by now, they did not when
   * the statement ran, and the innermost is reported.
   */
  private NotFoundException missing(TenantId tenant, NamespaceRef namespace) {
    ObjectType missing =
        db.run(
                "namespaces.lookup",
                Violations.NONE,
                connection -> sql.missing(connection, tenant, namespace))
            .orElse(namespace.path().isRoot() ? ObjectType.CATALOG : ObjectType.NAMESPACE);
    return Missing.along(missing, tenant, namespace);
  }
}
