package dev.catalogstore.jdbc.catalog;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogId;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.secret.CredentialSealing;
import dev.catalogstore.jdbc.secret.SecretCodec;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The catalogs facet on PostgreSQL: validation and outcomes here, the statements in {@link
 * CatalogSql}. Every operation is one statement (a delete: two, in one transaction, the tombstone
 * and then the grants and the purge record); only a failed one reads again ({@link
 * CatalogSql#lookup}) to say why: a missing tenant, catalog or warehouse, a taken name, or a
 * connector given to a LOCAL catalog. Internal to the JDBC store.
 */
public final class JdbcCatalogs implements Catalogs {
  private final Database db;
  private final CatalogSql sql;
  private final Runnable purgeRequested;

  private final CredentialSealing sealing;

  /**
   * @param secretCodec seals a federated catalog's connector credentials, as warehouse credentials
   *     are sealed; without one, a connector with credentials is refused
   * @param purgeRequested told after each delete, so that the purge of what it hid starts at once
   */
  public JdbcCatalogs(
      Database db, SqlText sqlText, Optional<SecretCodec> secretCodec, Runnable purgeRequested) {
    this.db = db;
    this.sealing = new CredentialSealing(secretCodec, CredentialSealing.Owner.CONNECTOR);
    this.sql = new CatalogSql(sqlText, new CatalogRows(sealing));
    this.purgeRequested = purgeRequested;
  }

  @Override
  public CompletableFuture<Catalog> create(TenantId tenant, NewCatalog catalog) {
    return db.submit(
        "catalogs.create",
        () -> {
          Requests.tenant(tenant);
          Requests.newCatalog(catalog, "catalog");
          byte[] sealed =
              catalog.source() instanceof CatalogSource.Federated federated
                  ? sealing.seal(tenant, catalog.name(), federated.connector().credentials())
                  : null;
          Instant now = db.now();
          Catalog row =
              new Catalog(
                  CatalogId.random(),
                  catalog.name(),
                  catalog.source(),
                  catalog.properties(),
                  now,
                  now);
          Violations violations =
              Violations.NONE
                  .onUnique(() -> nameTaken(catalog.name()))
                  // The tenant or warehouse was deleted while the catalog was being inserted.
                  .onForeignKey(() -> whyNotCreated(tenant, catalog));
          boolean created =
              db.run(
                  "catalogs.create",
                  violations,
                  connection -> sql.insert(connection, tenant, row, sealed));
          if (!created) {
            throw whyNotCreated(tenant, catalog);
          }
          return row;
        });
  }

  @Override
  public CompletableFuture<Optional<Catalog>> get(TenantId tenant, String name) {
    return db.submit(
        "catalogs.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          return db.run(
              "catalogs.get", Violations.NONE, connection -> sql.select(connection, tenant, name));
        });
  }

  @Override
  public CompletableFuture<Page<Catalog>> list(TenantId tenant, PageRequest page) {
    return db.submit(
        "catalogs.list",
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.catalogs(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          List<Optional<Catalog>> rows =
              db.run(
                  "catalogs.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, cursor));
          if (rows.isEmpty()) {
            throw Missing.tenant(tenant);
          }
          List<Catalog> items = rows.stream().flatMap(Optional::stream).toList();
          return query.page(items, cursor, Catalog::name);
        });
  }

  @Override
  public CompletableFuture<Catalog> update(TenantId tenant, String name, CatalogUpdate update) {
    return db.submit(
        "catalogs.update",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          Requests.catalogUpdate(update, "update");
          byte[] sealed =
              update
                  .connector()
                  .map(connector -> sealing.seal(tenant, name, connector.credentials()))
                  .orElse(null);
          Instant now = db.now();
          Violations violations = Violations.NONE.onPropertyLimit("update.properties");
          Optional<Catalog> updated =
              db.run(
                  "catalogs.update",
                  violations,
                  connection -> sql.update(connection, tenant, name, update, sealed, now));
          if (updated.isPresent()) {
            return updated.get();
          }
          CatalogRows.Lookup found = lookup(tenant, name, Optional.empty());
          if (found.tenantExists()
              && found.catalogType().isPresent()
              && update.connector().isPresent()) {
            throw new PreconditionFailedException(
                "catalog '"
                    + name
                    + "' is "
                    + found.catalogType().get()
                    + ": only a FEDERATED catalog has a connector");
          }
          throw missing(tenant, name, found);
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, String name) {
    return db.submit(
        "catalogs.delete",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          Instant now = db.now();
          boolean deleted =
              db.transaction(
                  "catalogs.delete",
                  Violations.NONE,
                  connection -> sql.delete(connection, tenant, name, now));
          if (!deleted) {
            throw missing(tenant, name, lookup(tenant, name, Optional.empty()));
          }
          purgeRequested.run();
          return null;
        });
  }

  /**
   * The failure path of a create that inserted nothing: a missing tenant first, then a taken name
   * (reported before a missing warehouse, as on every backend), then the missing warehouse.
   */
  private CatalogStoreException whyNotCreated(TenantId tenant, NewCatalog catalog) {
    Optional<String> warehouse =
        catalog.source() instanceof CatalogSource.Local local
            ? Optional.of(local.warehouse())
            : Optional.empty();
    CatalogRows.Lookup found = lookup(tenant, catalog.name(), warehouse);
    if (!found.tenantExists()) {
      return Missing.tenant(tenant);
    }
    if (found.catalogType().isPresent()) {
      return nameTaken(catalog.name());
    }
    // Only a LOCAL catalog can insert nothing while its tenant exists; a FEDERATED one failed on
    // its tenant, deleted in between.
    return warehouse
        .<CatalogStoreException>map(Missing::warehouse)
        .orElseGet(() -> Missing.tenant(tenant));
  }

  private CatalogRows.Lookup lookup(TenantId tenant, String name, Optional<String> warehouse) {
    return db.run(
        "catalogs.lookup",
        Violations.NONE,
        connection -> sql.lookup(connection, tenant, name, warehouse));
  }

  /** The tenant if it is missing, else the catalog, which the failed statement did not find. */
  private static CatalogStoreException missing(
      TenantId tenant, String name, CatalogRows.Lookup found) {
    return found.tenantExists() ? Missing.catalog(name) : Missing.tenant(tenant);
  }

  private static AlreadyExistsException nameTaken(String name) {
    return Taken.catalog(name);
  }
}
