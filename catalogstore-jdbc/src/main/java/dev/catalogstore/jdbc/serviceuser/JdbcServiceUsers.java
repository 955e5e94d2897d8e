package dev.catalogstore.jdbc.serviceuser;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.serviceuser.ServiceUsers;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The service users facet on PostgreSQL: validation and outcomes here, the statements in {@link
 * ServiceUserSql}. Every call is one statement; a change that matched nothing reads again to tell a
 * missing tenant from a missing service user, and a create that hit a unique constraint reads again
 * to tell a taken name from a taken digest. Internal to the JDBC store.
 */
public final class JdbcServiceUsers implements ServiceUsers {
  private final Database db;
  private final ServiceUserSql sql;

  public JdbcServiceUsers(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new ServiceUserSql(sqlText);
  }

  @Override
  public CompletableFuture<ServiceUser> create(TenantId tenant, NewServiceUser serviceUser) {
    return db.submit(
        "serviceUsers.create",
        () -> {
          Requests.tenant(tenant);
          Optional<Instant> expiresAt =
              GovernanceRequests.newServiceUser(tenant, serviceUser, "serviceUser");
          Instant now = db.now();
          ServiceUser row =
              new ServiceUser(
                  ServiceUserId.random(),
                  tenant,
                  serviceUser.name(),
                  serviceUser.description(),
                  serviceUser.roleKind(),
                  true,
                  expiresAt,
                  Optional.empty(),
                  now,
                  now);
          Violations violations =
              Violations.NONE
                  .onUnique(() -> taken(tenant, serviceUser.name()))
                  // The tenant was deleted while the service user was being written.
                  .onForeignKey(() -> Missing.tenant(tenant));
          boolean inserted =
              db.run(
                  "serviceUsers.create",
                  violations,
                  connection -> sql.insert(connection, row, serviceUser.apiKeyHash()));
          if (!inserted) {
            throw Missing.tenant(tenant);
          }
          return row;
        });
  }

  @Override
  public CompletableFuture<Optional<ServiceUser>> get(TenantId tenant, ServiceUserId serviceUser) {
    return db.submit(
        "serviceUsers.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          return db.run(
              "serviceUsers.get",
              Violations.NONE,
              connection -> sql.select(connection, tenant, serviceUser));
        });
  }

  @Override
  public CompletableFuture<Page<ServiceUser>> list(TenantId tenant, PageRequest page) {
    return db.submit(
        "serviceUsers.list",
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.serviceUsers(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          ScopedPage.Read<ServiceUser> read =
              db.run(
                  "serviceUsers.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, cursor));
          if (read.missing().isPresent()) {
            throw Missing.tenant(tenant);
          }
          return query.page(read.items(), cursor, ServiceUser::name);
        });
  }

  @Override
  public CompletableFuture<ServiceUser> update(
      TenantId tenant, ServiceUserId serviceUser, ServiceUserUpdate update) {
    return db.submit(
        "serviceUsers.update",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          Optional<Instant> expiresAt =
              GovernanceRequests.serviceUserUpdate(tenant, update, "update");
          Instant now = db.now();
          Violations violations =
              Violations.NONE.onUnique(() -> Taken.serviceUserName(update.name().orElseThrow()));
          return db.run(
                  "serviceUsers.update",
                  violations,
                  connection -> sql.update(connection, tenant, serviceUser, update, expiresAt, now))
              .orElseThrow(() -> missing(tenant, serviceUser));
        });
  }

  @Override
  public CompletableFuture<ServiceUser> replaceApiKey(
      TenantId tenant, ServiceUserId serviceUser, ApiKeyHash apiKeyHash) {
    return db.submit(
        "serviceUsers.replaceApiKey",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          GovernanceRequests.apiKeyHash(apiKeyHash, "apiKeyHash");
          Instant now = db.now();
          return db.run(
                  "serviceUsers.replaceApiKey",
                  Violations.NONE.onUnique(Taken::apiKeyHash),
                  connection -> sql.replaceKey(connection, tenant, serviceUser, apiKeyHash, now))
              .orElseThrow(() -> missingOrOwnDigest(tenant, serviceUser));
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, ServiceUserId serviceUser) {
    return db.submit(
        "serviceUsers.delete",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          boolean deleted =
              db.run(
                  "serviceUsers.delete",
                  Violations.NONE,
                  connection -> sql.delete(connection, tenant, serviceUser));
          if (!deleted) {
            throw missing(tenant, serviceUser);
          }
          return null;
        });
  }

  @Override
  public CompletableFuture<ServiceUser> recordUse(TenantId tenant, ServiceUserId serviceUser) {
    return db.submit(
        "serviceUsers.recordUse",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          Instant now = db.now();
          return db.run(
                  "serviceUsers.recordUse",
                  Violations.NONE,
                  connection -> sql.recordUse(connection, tenant, serviceUser, now))
              .orElseThrow(() -> missing(tenant, serviceUser));
        });
  }

  @Override
  public CompletableFuture<Optional<ServiceUser>> findByApiKeyHash(ApiKeyHash apiKeyHash) {
    return db.submit(
        "serviceUsers.findByApiKeyHash",
        () -> {
          GovernanceRequests.apiKeyHash(apiKeyHash, "apiKeyHash");
          Instant now = db.now();
          return db.run(
              "serviceUsers.findByApiKeyHash",
              Violations.NONE,
              connection -> sql.selectByHash(connection, apiKeyHash, now));
        });
  }

  /** A unique violation of a create: the tenant's name, else the store-wide digest. */
  private AlreadyExistsException taken(TenantId tenant, String name) {
    boolean nameTaken =
        db.run(
            "serviceUsers.lookup",
            Violations.NONE,
            connection -> sql.nameTaken(connection, tenant, name));
    return nameTaken ? Taken.serviceUserName(name) : Taken.apiKeyHash();
  }

  /** Why a rotation changed nothing: a missing tenant or service user, or the digest it has. */
  private CatalogStoreException missingOrOwnDigest(TenantId tenant, ServiceUserId serviceUser) {
    Optional<ObjectType> missing =
        db.run(
            "serviceUsers.lookup",
            Violations.NONE,
            connection -> sql.missing(connection, tenant, serviceUser));
    return missing
        .<CatalogStoreException>map(
            kind ->
                kind == ObjectType.TENANT
                    ? Missing.tenant(tenant)
                    : Missing.serviceUser(serviceUser))
        .orElseGet(Taken::apiKeyHash);
  }

  /** The failure path of a change that matched nothing: the tenant, or the service user? */
  private NotFoundException missing(TenantId tenant, ServiceUserId serviceUser) {
    ObjectType missing =
        db.run(
                "serviceUsers.lookup",
                Violations.NONE,
                connection -> sql.missing(connection, tenant, serviceUser))
            .orElse(ObjectType.SERVICE_USER);
    return missing == ObjectType.TENANT ? Missing.tenant(tenant) : Missing.serviceUser(serviceUser);
  }
}
