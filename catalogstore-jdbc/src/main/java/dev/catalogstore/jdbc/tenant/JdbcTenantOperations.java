package dev.catalogstore.jdbc.tenant;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantOperations;
import dev.catalogstore.api.tenant.TenantUpdate;
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
import java.util.concurrent.CompletableFuture;

/**
 * Tenants on PostgreSQL. Every operation is one statement: name uniqueness is the {@code
 * tenants_name_uq} constraint (the system tenant's row makes "system" taken), a property update is
 * applied inside the {@code UPDATE} (no read-modify-write), and deleting a tenant removes all it
 * owns through the foreign keys' {@code ON DELETE CASCADE}, atomically. Internal to the JDBC store.
 */
public final class JdbcTenantOperations implements TenantOperations {
  private static final String COLUMNS = "tenant_id, name, properties, created_at, updated_at";

  private static final String INSERT = """
      INSERT INTO ${schema}.tenants (tenant_id, name, properties, created_at, updated_at)
      VALUES (?, ?, ?::jsonb, ?, ?)
      """;

  private static final String SELECT = """
      SELECT %s
      FROM ${schema}.tenants
      WHERE tenant_id = ?
      """.formatted(COLUMNS);

  /** The system tenant is never listed. Uses the index of tenants_name_uq. */
  private static final String SELECT_PAGE = """
      SELECT %s
      FROM ${schema}.tenants
      WHERE name > ? AND tenant_id <> ?
      ORDER BY name
      LIMIT ?
      """.formatted(COLUMNS);

  private static final String UPDATE = """
      UPDATE ${schema}.tenants
      SET name = COALESCE(?::text, name),
          properties = (properties - ?::text[]) || ?::jsonb,
          updated_at = ?
      WHERE tenant_id = ?
      RETURNING %s
      """.formatted(COLUMNS);

  private static final String DELETE = """
      DELETE FROM ${schema}.tenants
      WHERE tenant_id = ?
      """;

  private final Database db;
  private final String insert;
  private final String select;
  private final String selectPage;
  private final String update;
  private final String delete;

  public JdbcTenantOperations(Database db, SqlText sql) {
    this.db = db;
    this.insert = sql.render(INSERT);
    this.select = sql.render(SELECT);
    this.selectPage = sql.render(SELECT_PAGE);
    this.update = sql.render(UPDATE);
    this.delete = sql.render(DELETE);
  }

  @Override
  public CompletableFuture<Tenant> createTenant(NewTenant tenant) {
    return db.submit("createTenant", () -> {
      Requests.newTenant(tenant, "tenant");
      Instant now = db.now();
      Tenant row = new Tenant(TenantId.random(), tenant.name(), tenant.properties(), now, now);
      return db.run(
          "createTenant",
          Violations.onUnique("createTenant",
              () -> new AlreadyExistsException(
                  "a tenant named '" + tenant.name() + "' already exists")),
          connection -> {
            try (SqlStatement insertRow = SqlStatement.prepare(connection, insert)) {
              insertRow.uuid(row.id().value()).text(row.name()).json(row.properties())
                  .timestamp(now).timestamp(now).update();
            }
            return row;
          });
    });
  }

  @Override
  public CompletableFuture<Optional<Tenant>> getTenant(TenantId tenant) {
    return db.submit("getTenant", () -> {
      Requests.tenant(tenant);
      return db.run("getTenant", Violations.none("getTenant"), connection -> {
        try (SqlStatement query = SqlStatement.prepare(connection, select)) {
          return query.uuid(tenant.value())
              .query(JdbcTenantOperations::tenant).stream().findFirst();
        }
      });
    });
  }

  @Override
  public CompletableFuture<Page<Tenant>> listTenants(PageRequest page) {
    return db.submit("listTenants", () -> {
      Keyset keyset = new Keyset(TenantId.SYSTEM, "tenants", List.of());
      Keyset.Cursor cursor = keyset.cursor(page, 1);
      List<Tenant> rows = db.run("listTenants", Violations.none("listTenants"), connection -> {
        try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
          return query.text(cursor.afterName()).uuid(TenantId.SYSTEM.value())
              .integer(cursor.fetchSize()).query(JdbcTenantOperations::tenant);
        }
      });
      return keyset.page(rows, cursor, t -> List.of(t.name()));
    });
  }

  @Override
  public CompletableFuture<Tenant> updateTenant(TenantId tenant, TenantUpdate update) {
    return db.submit("updateTenant", () -> {
      Requests.tenant(tenant);
      Requests.tenantUpdate(update, "update");
      if (tenant.isSystem()) {
        throw new PreconditionFailedException("the system tenant cannot be changed");
      }
      PropertyUpdate properties = update.properties();
      Instant now = db.now();
      Optional<Tenant> updated = db.run(
          "updateTenant",
          Violations.onUnique("updateTenant", () -> new AlreadyExistsException(
              "a tenant named '" + update.name().orElse("") + "' already exists")),
          connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, this.update)) {
              return statement.text(update.name().orElse(null))
                  .textArray(properties.remove()).json(properties.set())
                  .timestamp(now).uuid(tenant.value())
                  .query(JdbcTenantOperations::tenant).stream().findFirst();
            }
          });
      return updated.orElseThrow(() -> notFound(tenant));
    });
  }

  @Override
  public CompletableFuture<Void> deleteTenant(TenantId tenant) {
    return db.submit("deleteTenant", () -> {
      Requests.tenant(tenant);
      if (tenant.isSystem()) {
        throw new PreconditionFailedException("the system tenant cannot be deleted");
      }
      int deleted = db.run("deleteTenant", Violations.none("deleteTenant"), connection -> {
        try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
          return statement.uuid(tenant.value()).update();
        }
      });
      if (deleted == 0) {
        throw notFound(tenant);
      }
      return null;
    });
  }

  private static NotFoundException notFound(TenantId tenant) {
    return new NotFoundException("tenant " + tenant + " does not exist");
  }

  private static Tenant tenant(ResultSet row) throws SQLException {
    return new Tenant(
        new TenantId(Rows.uuid(row, "tenant_id")),
        row.getString("name"),
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
