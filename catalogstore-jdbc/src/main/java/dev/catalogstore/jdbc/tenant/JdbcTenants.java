package dev.catalogstore.jdbc.tenant;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The tenants facet on PostgreSQL: validation and outcomes here, the statements in {@link
 * TenantSql}. Every operation is one statement. Internal to the JDBC store.
 */
public final class JdbcTenants implements Tenants {
  private final Database db;
  private final TenantSql sql;
  private final Runnable purgeRequested;

  /**
   * @param purgeRequested told after each delete, so that the purge of what it hid starts at once
   */
  public JdbcTenants(Database db, SqlText sqlText, Runnable purgeRequested) {
    this.db = db;
    this.sql = new TenantSql(sqlText);
    this.purgeRequested = purgeRequested;
  }

  @Override
  public CompletableFuture<Tenant> create(NewTenant tenant) {
    return db.submit(
        "tenants.create",
        () -> {
          Requests.newTenant(tenant, "tenant");
          Instant now = db.now();
          Tenant row = new Tenant(TenantId.random(), tenant.name(), tenant.properties(), now, now);
          Violations violations = Violations.NONE.onUnique(() -> nameTaken(tenant.name()));
          db.run(
              "tenants.create",
              violations,
              connection -> {
                sql.insert(connection, row);
                return null;
              });
          return row;
        });
  }

  @Override
  public CompletableFuture<Optional<Tenant>> get(TenantId tenant) {
    return db.submit(
        "tenants.get",
        () -> {
          Requests.tenant(tenant);
          return db.run(
              "tenants.get", Violations.NONE, connection -> sql.select(connection, tenant));
        });
  }

  @Override
  public CompletableFuture<Page<Tenant>> list(PageRequest page) {
    return db.submit(
        "tenants.list",
        () -> {
          ListQuery query = ListQuery.tenants();
          ListQuery.Cursor cursor = query.cursor(page);
          List<Tenant> rows =
              db.run("tenants.list", Violations.NONE, connection -> sql.page(connection, cursor));
          return query.page(rows, cursor, Tenant::name);
        });
  }

  @Override
  public CompletableFuture<Tenant> update(TenantId tenant, TenantUpdate update) {
    return db.submit(
        "tenants.update",
        () -> {
          Requests.tenant(tenant);
          Requests.tenantUpdate(update, "update");
          if (tenant.isSystem()) {
            throw new PreconditionFailedException("the system tenant cannot be changed");
          }
          Instant now = db.now();
          Violations violations =
              Violations.NONE
                  .onUnique(() -> nameTaken(update.name().orElse("")))
                  .onPropertyLimit("update.properties");
          return db.run(
                  "tenants.update",
                  violations,
                  connection -> sql.update(connection, tenant, update, now))
              .orElseThrow(() -> Missing.tenant(tenant));
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant) {
    return db.submit(
        "tenants.delete",
        () -> {
          Requests.tenant(tenant);
          if (tenant.isSystem()) {
            throw new PreconditionFailedException("the system tenant cannot be deleted");
          }
          Instant now = db.now();
          boolean deleted =
              db.transaction(
                  "tenants.delete",
                  Violations.NONE,
                  connection -> sql.delete(connection, tenant, now));
          if (!deleted) {
            throw Missing.tenant(tenant);
          }
          purgeRequested.run();
          return null;
        });
  }

  private static AlreadyExistsException nameTaken(String name) {
    return Taken.tenantName(name);
  }
}
