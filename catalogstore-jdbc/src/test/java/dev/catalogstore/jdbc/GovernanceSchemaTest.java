package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The governance tables on PostgreSQL: a database of schema version 4 migrates to version 5 and its
 * tenants take users, roles, grants, service users and tokens; deleting a tenant removes every row
 * of it from every governance table, so its digests no longer resolve.
 */
class GovernanceSchemaTest {
  private static final List<String> GOVERNANCE_TABLES =
      List.of(
          "users",
          "roles",
          "role_grants",
          "role_assignments",
          "permissions",
          "service_users",
          "tokens",
          "token_revocations");

  @Test
  void aVersion4DatabaseMigratesAndItsTenantsTakeGovernanceData() throws SQLException {
    String schema = TestPostgres.uniqueSchema("v4to5");
    UUID tenant = UUID.randomUUID();
    try {
      migrateToVersion4(schema);
      writeVersion4Tenant(schema, tenant);

      try (JdbcCatalogStore store = JdbcCatalogStore.open(TestPostgres.config(schema).build())) {
        TenantId id = new TenantId(tenant);
        assertThat(store.warehouses().get(id, "lake").join()).isPresent();
        store.catalogs().create(id, NewCatalog.local("sales", "lake")).join();
        User user = store.users().create(id, NewUser.of("admin", RoleKind.TENANT_ADMIN)).join();
        Grant read = Grant.of(new PermissionScope.CatalogScope(id, "sales"), Action.READ);
        Role role = store.roles().create(id, NewRole.of("reader", read)).join();
        store.roles().assign(id, role.id(), user.id()).join();

        assertThat(
                store
                    .permissions()
                    .listUserPermissions(id, user.id(), PageRequest.firstPage())
                    .join()
                    .items())
            .extracting(EffectivePermission::grant)
            .containsExactly(read);
        assertThat(store.users().findByUsername(id, "admin").join()).contains(user);
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void deletingATenantRemovesAllItsGovernanceRowsAndItsDigestsNoLongerResolve()
      throws SQLException {
    String schema = TestPostgres.uniqueSchema("govdelete");
    try (JdbcCatalogStore store = JdbcCatalogStore.open(TestPostgres.config(schema).build())) {
      TenantId doomed = writeTenant(store);
      TenantId kept = writeTenant(store);
      ApiKeyHash doomedKey = ApiKeyHash.sha256Of("key-" + doomed);
      TokenHash doomedToken = TokenHash.sha256Of("token-" + doomed);
      assertThat(store.serviceUsers().findByApiKeyHash(doomedKey).join()).isPresent();
      assertThat(store.tokens().validate(doomedToken).join()).isPresent();
      for (String table : GOVERNANCE_TABLES) {
        assertThat(rowsOf(schema, table, doomed)).as("rows of %s before", table).isPositive();
      }

      store.tenants().delete(doomed).join();

      assertThat(store.serviceUsers().findByApiKeyHash(doomedKey).join()).isEmpty();
      assertThat(store.tokens().validate(doomedToken).join()).isEmpty();
      for (String table : GOVERNANCE_TABLES) {
        assertThat(rowsOf(schema, table, doomed)).as("rows of %s after", table).isZero();
        assertThat(rowsOf(schema, table, kept))
            .as("rows of the other tenant's %s", table)
            .isPositive();
      }
      assertThat(store.serviceUsers().findByApiKeyHash(ApiKeyHash.sha256Of("key-" + kept)).join())
          .map(ServiceUser::tenant)
          .contains(kept);
      assertThat(store.tokens().validate(TokenHash.sha256Of("token-" + kept)).join()).isPresent();
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void aRoleKeepsItsGrantsInOrderAndGrantsOfOneKeyShareOneEffectiveId() {
    String schema = TestPostgres.uniqueSchema("govorder");
    try (JdbcCatalogStore store = JdbcCatalogStore.open(TestPostgres.config(schema).build())) {
      TenantId tenant = writeTenant(store);
      PermissionScope.TenantScope scope = new PermissionScope.TenantScope(tenant);
      List<Grant> grants =
          List.of(
              Grant.of(scope, Action.LIST),
              Grant.of(new PermissionScope.CatalogScope(tenant, "sales"), Action.READ),
              Grant.of(scope, Action.READ, Action.ALL),
              Grant.of(scope, Action.ALL),
              Grant.of(scope, Action.CREATE));
      Role role =
          store
              .roles()
              .create(tenant, new NewRole("ordered", "", new LinkedHashSet<>(grants)))
              .join();
      User user = store.users().create(tenant, NewUser.of("ordered", RoleKind.TENANT_USER)).join();
      store.roles().assign(tenant, role.id(), user.id()).join();

      assertThat(store.roles().get(tenant, role.id()).join().orElseThrow().grants())
          .containsExactlyElementsOf(grants);
      // {READ, ALL} and {ALL} allow the same: one id, the later grant.
      assertThat(
              store
                  .permissions()
                  .listUserPermissions(tenant, user.id(), PageRequest.firstPage())
                  .join()
                  .items())
          .extracting(EffectivePermission::grant)
          .containsExactlyInAnyOrder(grants.get(0), grants.get(1), grants.get(3), grants.get(4));
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  /** A tenant with a row in every governance table; its key and token are named after its id. */
  private static TenantId writeTenant(JdbcCatalogStore store) {
    TenantId tenant = store.tenants().create(NewTenant.named("t-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("lake", StorageConfig.of(StorageType.FILE, "file:///w")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("sales", "lake")).join();
    User user = store.users().create(tenant, NewUser.of("admin", RoleKind.TENANT_ADMIN)).join();
    Grant grant = Grant.of(new PermissionScope.CatalogScope(tenant, "sales"), Action.ALL);
    Role role = store.roles().create(tenant, NewRole.of("owner", grant)).join();
    store.roles().assign(tenant, role.id(), user.id()).join();
    store.permissions().grant(tenant, user.id(), grant).join();
    store
        .serviceUsers()
        .create(
            tenant,
            NewServiceUser.of("etl", RoleKind.TENANT_USER, ApiKeyHash.sha256Of("key-" + tenant)))
        .join();
    Instant expires = Instant.now().plus(Duration.ofHours(1));
    store
        .tokens()
        .create(
            tenant,
            new NewToken(
                TokenId.random(), user.id(), TokenHash.sha256Of("token-" + tenant), expires))
        .join();
    store.tokens().revoke(tenant, TokenId.random(), "never issued", expires).join();
    return tenant;
  }

  private static long rowsOf(String schema, String table, TenantId tenant) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM \"" + schema + "\"." + table + " WHERE tenant_id = ?")) {
      query.setObject(1, tenant.value());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** The schema as a store of version 4 left it, by the same migrations and history table. */
  private static void migrateToVersion4(String schema) {
    TestPostgres.Server server = TestPostgres.server();
    Flyway.configure(GovernanceSchemaTest.class.getClassLoader())
        .dataSource(server.jdbcUrl(), server.username(), server.password())
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .table(SchemaMigrator.HISTORY_TABLE)
        .locations("classpath:db/migration/postgresql")
        .target("4")
        .load()
        .migrate();
  }

  /** A tenant and a warehouse, written as a version 4 store wrote them. */
  private static void writeVersion4Tenant(String schema, UUID tenant) throws SQLException {
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
    String s = '"' + schema + '"';
    try (Connection connection = TestPostgres.connect()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO " + s + ".tenants VALUES (?, 'acme-" + tenant + "', '{}', ?, ?)")) {
        insert.setObject(1, tenant);
        insert.setObject(2, at);
        insert.setObject(3, at);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + s
                  + ".warehouses (tenant_id, warehouse_id, name, storage_type, root_location,"
                  + " storage_options, properties, created_at, updated_at)"
                  + " VALUES (?, ?, 'lake', 'FILE', 'file:///lake', '{}', '{}', ?, ?)")) {
        insert.setObject(1, tenant);
        insert.setObject(2, UUID.randomUUID());
        insert.setObject(3, at);
        insert.setObject(4, at);
        insert.executeUpdate();
      }
    }
  }
}
