package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Governance writes racing the deletes they depend on, on PostgreSQL: whichever statement the
 * database runs first, the call either succeeds or fails with the contract's {@code NotFound} of
 * the right kind (a foreign-key violation is never a defect), and nothing is left naming what was
 * deleted. Concurrent creates of one unique key have exactly one winner.
 */
class GovernanceRaceTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("govrace");
  private static final int ROUNDS = 25;

  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).maximumPoolSize(6).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void anAssignmentRacingItsRolesDeleteSucceedsOrIsRoleNotFound() {
    TenantId tenant = newTenant();
    User user = store.users().create(tenant, NewUser.of("u", RoleKind.TENANT_USER)).join();
    for (int i = 0; i < ROUNDS; i++) {
      Role role = store.roles().create(tenant, NewRole.of("r" + i)).join();
      CompletableFuture<Boolean> assign = store.roles().assign(tenant, role.id(), user.id());
      CompletableFuture<Void> delete = store.roles().delete(tenant, role.id());

      delete.join();
      assertSucceedsOrMissing(assign, ObjectType.ROLE);
      assertThat(
              store
                  .roles()
                  .listUserRoles(tenant, user.id(), PageRequest.firstPage())
                  .join()
                  .items())
          .isEmpty();
    }
  }

  @Test
  void anAssignmentRacingItsUsersDeleteSucceedsOrIsUserNotFound() {
    TenantId tenant = newTenant();
    Role role = store.roles().create(tenant, NewRole.of("r")).join();
    for (int i = 0; i < ROUNDS; i++) {
      User user = store.users().create(tenant, NewUser.of("u" + i, RoleKind.TENANT_USER)).join();
      CompletableFuture<Boolean> assign = store.roles().assign(tenant, role.id(), user.id());
      CompletableFuture<Void> delete = store.users().delete(tenant, user.id());

      delete.join();
      assertSucceedsOrMissing(assign, ObjectType.USER);
      assertThat(
              store
                  .roles()
                  .listRoleUsers(tenant, role.id(), PageRequest.firstPage())
                  .join()
                  .items())
          .isEmpty();
    }
  }

  @Test
  void grantsRacingTheirCatalogsDeleteNeverOutliveIt() {
    TenantId tenant = newTenant();
    User user = store.users().create(tenant, NewUser.of("u", RoleKind.TENANT_USER)).join();
    for (int i = 0; i < ROUNDS; i++) {
      String catalog = "c" + i;
      store.catalogs().create(tenant, NewCatalog.local(catalog, "lake")).join();
      Grant grant = Grant.of(new PermissionScope.CatalogScope(tenant, catalog), Action.READ);
      CompletableFuture<?> direct = store.permissions().grant(tenant, user.id(), grant);
      CompletableFuture<Role> role = store.roles().create(tenant, NewRole.of("r" + i, grant));
      CompletableFuture<Void> delete = store.catalogs().delete(tenant, catalog);

      delete.join();
      assertSucceedsOrMissing(direct, ObjectType.CATALOG);
      assertSucceedsOrMissing(role, ObjectType.CATALOG);
      assertThat(store.permissions().list(tenant, PageRequest.firstPage()).join().items())
          .as("direct permissions naming a deleted catalog")
          .isEmpty();
      store
          .roles()
          .findByName(tenant, "r" + i)
          .join()
          .ifPresent(
              created ->
                  assertThat(created.grants())
                      .as("the grants of role %s", created.name())
                      .isEmpty());
    }
  }

  @Test
  void concurrentCreatesOfOneUniqueKeyHaveExactlyOneWinner() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    for (int i = 0; i < ROUNDS; i++) {
      String username = "same-" + i;
      assertOneWinner(
          () -> store.users().create(tenant, NewUser.of(username, RoleKind.TENANT_USER)));
      String role = "role-" + i;
      assertOneWinner(() -> store.roles().create(tenant, NewRole.of(role)));
      // One digest in the whole store, from two tenants at once.
      ApiKeyHash key = ApiKeyHash.sha256Of("key-" + UUID.randomUUID());
      String name = "svc-" + i;
      List<CompletableFuture<?>> creates = new ArrayList<>();
      for (TenantId owner : List.of(tenant, other, tenant, other)) {
        creates.add(
            store
                .serviceUsers()
                .create(owner, NewServiceUser.of(name + owner, RoleKind.TENANT_USER, key)));
      }
      assertExactlyOneSucceeded(creates);
    }
  }

  private static void assertOneWinner(Supplier<CompletableFuture<?>> create) {
    List<CompletableFuture<?>> creates = new ArrayList<>();
    for (int racer = 0; racer < 4; racer++) {
      creates.add(create.get());
    }
    assertExactlyOneSucceeded(creates);
  }

  private static void assertExactlyOneSucceeded(List<CompletableFuture<?>> creates) {
    int succeeded = 0;
    for (CompletableFuture<?> create : creates) {
      try {
        create.join();
        succeeded++;
      } catch (CompletionException e) {
        assertThat(e.getCause()).isInstanceOf(AlreadyExistsException.class);
      }
    }
    assertThat(succeeded).isEqualTo(1);
  }

  private static void assertSucceedsOrMissing(CompletableFuture<?> call, ObjectType missing) {
    try {
      call.join();
    } catch (CompletionException e) {
      assertThat(e.getCause())
          .isInstanceOfSatisfying(
              NotFoundException.class,
              notFound -> assertThat(notFound.missing()).isEqualTo(missing));
    }
  }

  private static TenantId newTenant() {
    TenantId tenant =
        store.tenants().create(NewTenant.named("race-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("lake", StorageConfig.of(StorageType.FILE, "file:///l")))
        .join();
    return tenant;
  }
}
