package dev.catalogstore.jdbc.user;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.api.user.Users;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The users facet on PostgreSQL: validation and outcomes here, the statements in {@link UserSql}.
 * Every call is one statement; only a change that matched no user reads again, to tell a missing
 * tenant from a missing user. Internal to the JDBC store.
 */
public final class JdbcUsers implements Users {
  private final Database db;
  private final UserSql sql;

  public JdbcUsers(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new UserSql(sqlText);
  }

  @Override
  public CompletableFuture<User> create(TenantId tenant, NewUser user) {
    return db.submit(
        "users.create",
        () -> {
          Requests.tenant(tenant);
          GovernanceRequests.newUser(tenant, user, "user");
          Instant now = db.now();
          User row =
              new User(
                  UserId.random(),
                  tenant,
                  user.username(),
                  user.email(),
                  user.displayName(),
                  user.roleKind(),
                  user.active(),
                  now,
                  now);
          Violations violations =
              Violations.NONE
                  .onUnique(() -> Taken.username(user.username()))
                  // The tenant was deleted while the user was being written.
                  .onForeignKey(() -> Missing.tenant(tenant));
          boolean inserted =
              db.run("users.create", violations, connection -> sql.insert(connection, row));
          if (!inserted) {
            throw Missing.tenant(tenant);
          }
          return row;
        });
  }

  @Override
  public CompletableFuture<Optional<User>> get(TenantId tenant, UserId user) {
    return db.submit(
        "users.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          return db.run(
              "users.get", Violations.NONE, connection -> sql.select(connection, tenant, user));
        });
  }

  @Override
  public CompletableFuture<Optional<User>> findByUsername(TenantId tenant, String username) {
    return db.submit(
        "users.findByUsername",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(username, "username");
          return db.run(
              "users.findByUsername",
              Violations.NONE,
              connection -> sql.selectByUsername(connection, tenant, username));
        });
  }

  @Override
  public CompletableFuture<Page<User>> list(TenantId tenant, PageRequest page) {
    return db.submit(
        "users.list",
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.users(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          ScopedPage.Read<User> read =
              db.run(
                  "users.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, cursor));
          if (read.missing().isPresent()) {
            throw Missing.tenant(tenant);
          }
          return query.page(read.items(), cursor, User::username);
        });
  }

  @Override
  public CompletableFuture<User> update(TenantId tenant, UserId user, UserUpdate update) {
    return db.submit(
        "users.update",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          GovernanceRequests.userUpdate(tenant, update, "update");
          Instant now = db.now();
          return db.run(
                  "users.update",
                  Violations.NONE,
                  connection -> sql.update(connection, tenant, user, update, now))
              .orElseThrow(() -> missing(tenant, user));
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, UserId user) {
    return db.submit(
        "users.delete",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          boolean deleted =
              db.run(
                  "users.delete",
                  Violations.NONE,
                  connection -> sql.delete(connection, tenant, user));
          if (!deleted) {
            throw missing(tenant, user);
          }
          return null;
        });
  }

  /** The failure path of a change that matched no user: is the tenant missing, or the user? */
  private NotFoundException missing(TenantId tenant, UserId user) {
    ObjectType missing =
        db.run("users.lookup", Violations.NONE, connection -> sql.missing(connection, tenant, user))
            .orElse(ObjectType.USER);
    return missing == ObjectType.TENANT ? Missing.tenant(tenant) : Missing.user(user);
  }
}
