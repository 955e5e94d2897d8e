package dev.catalogstore.tck.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionOrigin;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.spi.PermissionResolver;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.tck.AccessSuite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies the permissions facet: a direct grant reads back; granting an equal grant again (its
 * actions in any order) returns the same permission; revoking is idempotent; the tenant's list
 * holds its direct permissions by id; a user's effective list holds its direct permissions and
 * every grant of every assigned role, each with its origin and a stable id, and follows the user's
 * roles as they are assigned, revoked and changed; a grant outside the tenant or naming a missing
 * catalog is {@code NotFound} and changes nothing; and what the effective list allows, decided by
 * {@link PermissionResolver}, is what the grants say.
 */
public abstract class PermissionContract extends AccessSuite {
  private static final NamespacePath SALES = NamespacePath.of("sales");

  @Test
  void aDirectGrantReadsBack() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Grant grant = on(new NamespaceScope(tenant, LAKE, SALES), Action.READ, Action.LIST);

    Permission permission = grant(tenant, alice.id(), grant);

    assertThat(permission.tenant()).isEqualTo(tenant);
    assertThat(permission.user()).isEqualTo(alice.id());
    assertThat(permission.grant()).isEqualTo(grant);
    assertThat(permission.createdAt()).isNotNull();
    assertThat(permissions(tenant)).containsExactly(permission);
    assertThat(effective(tenant, alice.id()))
        .containsExactly(
            new EffectivePermission(permission.id(), grant, PermissionOrigin.direct()));
  }

  @Test
  void grantingAnEqualGrantAgainReturnsTheSamePermission() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    CatalogScope lake = new CatalogScope(tenant, LAKE);
    Permission first = grant(tenant, alice.id(), on(lake, Action.READ, Action.WRITE));

    Permission again = grant(tenant, alice.id(), on(lake, Action.WRITE, Action.READ));
    Permission same =
        grant(tenant, alice.id(), on(new CatalogScope(tenant, LAKE), Action.READ, Action.WRITE));

    assertThat(again).isEqualTo(first);
    assertThat(same).isEqualTo(first);
    assertThat(permissions(tenant)).containsExactly(first);
    assertThat(effective(tenant, alice.id())).hasSize(1);
  }

  @Test
  void aGrantHoldingAllEqualsEveryGrantHoldingAllOnItsScope() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    CatalogScope lake = new CatalogScope(tenant, LAKE);
    Permission all = grant(tenant, alice.id(), on(lake, Action.ALL));

    Permission allAndRead = grant(tenant, alice.id(), on(lake, Action.READ, Action.ALL));

    assertThat(allAndRead).as("ALL with READ allows what ALL alone allows").isEqualTo(all);
    assertThat(permissions(tenant)).containsExactly(all);
  }

  @Test
  void grantsDifferingInActionsScopeOrUserAreDistinctPermissions() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    User bob = newUser(tenant, "bob");
    CatalogScope lake = new CatalogScope(tenant, LAKE);

    List<Permission> granted =
        List.of(
            grant(tenant, alice.id(), on(lake, Action.READ)),
            grant(tenant, alice.id(), on(lake, Action.READ, Action.WRITE)),
            grant(tenant, alice.id(), on(new TenantScope(tenant), Action.READ)),
            grant(tenant, bob.id(), on(lake, Action.READ)));

    assertThat(granted.stream().map(Permission::id).distinct()).hasSize(4);
    assertThat(permissions(tenant)).containsExactlyInAnyOrderElementsOf(granted);
  }

  @Test
  void revokeIsIdempotentAndSaysWhetherItRemovedSomething() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Permission kept = grant(tenant, alice.id(), onCatalog(tenant, LAKE, Action.READ));
    Permission revoked = grant(tenant, alice.id(), onCatalog(tenant, LAKE, Action.WRITE));

    assertThat(await(store().permissions().revoke(tenant, revoked.id()))).isTrue();
    assertThat(await(store().permissions().revoke(tenant, revoked.id()))).isFalse();
    assertThat(await(store().permissions().revoke(tenant, PermissionId.random()))).isFalse();

    assertThat(permissions(tenant)).containsExactly(kept);
    assertThat(effective(tenant, alice.id()))
        .extracting(EffectivePermission::id)
        .containsExactly(kept.id());
  }

  @Test
  void theTenantsPermissionsAreListedById() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    User bob = newUser(tenant, "bob");
    grant(other, newUser(other, "alice").id(), on(new TenantScope(other), Action.ALL));
    List<Permission> granted = new ArrayList<>();
    for (Action action : List.of(Action.READ, Action.WRITE, Action.LIST, Action.CREATE)) {
      granted.add(grant(tenant, alice.id(), onCatalog(tenant, LAKE, action)));
      granted.add(grant(tenant, bob.id(), on(new TenantScope(tenant), action)));
    }

    assertThat(permissions(tenant))
        .containsExactlyElementsOf(
            granted.stream().sorted(Comparator.comparing(p -> p.id().toString())).toList());
  }

  @Test
  void aUsersEffectivePermissionsAreItsDirectOnesAndEveryGrantOfItsRoles() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    User bob = newUser(tenant, "bob");
    Grant readLake = onCatalog(tenant, LAKE, Action.READ, Action.LIST);
    Grant manage = on(new TenantScope(tenant), Action.MANAGE_USERS);
    Grant writeOrders = on(new AssetScope(tenant, LAKE, SALES, "orders"), Action.WRITE);
    Role reader = newRole(tenant, "reader", readLake, manage);
    Role writer = newRole(tenant, "writer", writeOrders);
    newRole(tenant, "unassigned", on(new TenantScope(tenant), Action.ALL));
    assign(tenant, reader.id(), alice.id());
    assign(tenant, writer.id(), alice.id());
    assign(tenant, writer.id(), bob.id());
    Grant tag = on(new TagScope(tenant, LAKE, "v1"), Action.DELETE);
    Permission direct = grant(tenant, alice.id(), tag);
    grant(tenant, bob.id(), readLake);

    List<EffectivePermission> held = effective(tenant, alice.id());

    assertThat(held)
        .containsExactlyInAnyOrder(
            new EffectivePermission(direct.id(), tag, PermissionOrigin.direct()),
            fromRole(reader, readLake),
            fromRole(reader, manage),
            fromRole(writer, writeOrders));
    assertThat(held)
        .as("the effective permissions, by id in its string form")
        .isSortedAccordingTo(Comparator.comparing(e -> e.id().toString()));
    assertThat(effective(tenant, alice.id())).as("the same list read again").isEqualTo(held);
  }

  @Test
  void aGrantHeldDirectlyAndThroughARoleIsListedOncePerOrigin() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Grant readLake = onCatalog(tenant, LAKE, Action.READ);
    Role first = newRole(tenant, "first", readLake);
    Role second = newRole(tenant, "second", readLake);
    assign(tenant, first.id(), alice.id());
    assign(tenant, second.id(), alice.id());
    Permission direct = grant(tenant, alice.id(), readLake);

    assertThat(effective(tenant, alice.id()))
        .containsExactlyInAnyOrder(
            new EffectivePermission(direct.id(), readLake, PermissionOrigin.direct()),
            fromRole(first, readLake),
            fromRole(second, readLake));
  }

  @Test
  void twoEqualGrantsOfOneRoleAreListedOnceAsTheLaterOfTheTwo() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Grant readAndAll = onCatalog(tenant, LAKE, Action.READ, Action.ALL);
    Grant all = onCatalog(tenant, LAKE, Action.ALL);
    Role role = newRole(tenant, "admins", readAndAll, all);
    assign(tenant, role.id(), alice.id());

    assertThat(effective(tenant, alice.id())).containsExactly(fromRole(role, all));
  }

  @Test
  void anInactiveUserStillHoldsItsPermissions() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Grant readLake = onCatalog(tenant, LAKE, Action.READ);
    Role role = newRole(tenant, "readers", readLake);
    assign(tenant, role.id(), alice.id());
    Permission direct = grant(tenant, alice.id(), onCatalog(tenant, LAKE, Action.LIST));
    List<EffectivePermission> before = effective(tenant, alice.id());

    await(store().users().update(tenant, alice.id(), UserUpdate.builder().active(false).build()));

    assertThat(effective(tenant, alice.id())).as("once inactive").isEqualTo(before);
    assertThat(before)
        .containsExactlyInAnyOrder(
            new EffectivePermission(direct.id(), direct.grant(), PermissionOrigin.direct()),
            fromRole(role, readLake));
  }

  @Test
  void theEffectivePermissionsFollowRoleAssignmentsAndRoleChanges() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Grant read = onCatalog(tenant, LAKE, Action.READ);
    Grant write = onCatalog(tenant, LAKE, Action.WRITE);
    Role role = newRole(tenant, "role", read);
    assertThat(effective(tenant, alice.id())).isEmpty();

    assign(tenant, role.id(), alice.id());
    assertThat(effective(tenant, alice.id())).containsExactly(fromRole(role, read));

    Role updated =
        await(
            store()
                .roles()
                .update(
                    tenant, role.id(), RoleUpdate.builder().grants(Set.of(read, write)).build()));
    assertThat(effective(tenant, alice.id()))
        .containsExactlyInAnyOrder(fromRole(updated, read), fromRole(updated, write));

    await(store().roles().update(tenant, role.id(), RoleUpdate.builder().name("renamed").build()));
    assertThat(effective(tenant, alice.id()))
        .as("a rename keeps the ids of the role's grants")
        .containsExactlyInAnyOrder(fromRole(updated, read), fromRole(updated, write));

    await(store().roles().revoke(tenant, role.id(), alice.id()));
    assertThat(effective(tenant, alice.id())).isEmpty();
  }

  @Test
  void effectivePermissionsHoldOnlyTheTenantsOwnRoleGrants() {
    TenantId tenant = newTenant();
    TenantId twin = newTenant();
    newLocalCatalog(tenant, LAKE);
    newLocalCatalog(twin, LAKE);
    User alice = newUser(tenant, "alice");
    User twinAlice = newUser(twin, "alice");
    Grant read = onCatalog(tenant, LAKE, Action.READ);
    Role reader = newRole(tenant, "reader", read);
    Role twinReader = newRole(twin, "reader", onCatalog(twin, LAKE, Action.ALL));
    assign(tenant, reader.id(), alice.id());
    assign(twin, twinReader.id(), twinAlice.id());
    grant(twin, twinAlice.id(), on(new TenantScope(twin), Action.MANAGE_USERS));

    assertThat(effective(tenant, alice.id())).containsExactly(fromRole(reader, read));
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .permissions()
                            .listUserPermissions(tenant, twinAlice.id(), PageRequest.firstPage()))
                .missing())
        .as("the effective permissions of the twin tenant's user, asked under this tenant")
        .isEqualTo(ObjectType.USER);
  }

  @Test
  void aGrantOutsideTheTenantOrOnAMissingCatalogIsNotFoundAndChangesNothing() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    newLocalCatalog(tenant, LAKE);
    newLocalCatalog(other, "pond");
    User alice = newUser(tenant, "alice");
    Permission kept = grant(tenant, alice.id(), onCatalog(tenant, LAKE, Action.READ));
    AccessSnapshot before = access(tenant);
    List<Grant> refused =
        List.of(
            onCatalog(other, "pond", Action.READ),
            onCatalog(other, LAKE, Action.READ),
            on(new AssetScope(other, "pond", SALES, "orders"), Action.READ),
            onCatalog(tenant, "pond", Action.READ),
            on(new NamespaceScope(tenant, "pond", SALES), Action.READ),
            on(new TagScope(tenant, "pond", "v1"), Action.READ),
            on(new TenantScope(other), Action.READ));
    List<ObjectType> missing =
        List.of(
            ObjectType.CATALOG,
            ObjectType.CATALOG,
            ObjectType.CATALOG,
            ObjectType.CATALOG,
            ObjectType.CATALOG,
            ObjectType.CATALOG,
            ObjectType.TENANT);

    for (int i = 0; i < refused.size(); i++) {
      Grant grant = refused.get(i);
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().permissions().grant(tenant, alice.id(), grant))
                  .missing())
          .as("granting %s", grant)
          .isEqualTo(missing.get(i));
    }

    assertAccessUnchanged(tenant, before);
    assertThat(permissions(tenant)).containsExactly(kept);
  }

  @Test
  void grantingToOrListingAMissingUserIsNotFoundUser() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    UserId missing = UserId.random();

    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .permissions()
                            .grant(tenant, missing, onCatalog(tenant, LAKE, Action.READ)))
                .missing())
        .isEqualTo(ObjectType.USER);
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .permissions()
                            .grant(tenant, missing, onCatalog(tenant, "pond", Action.READ)))
                .missing())
        .as("the user is reported before the scope's catalog")
        .isEqualTo(ObjectType.USER);
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .permissions()
                            .listUserPermissions(tenant, missing, PageRequest.firstPage()))
                .missing())
        .isEqualTo(ObjectType.USER);
    assertThat(permissions(tenant)).isEmpty();
  }

  @Test
  void whatTheEffectivePermissionsAllowIsWhatTheirGrantsSay() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    newLocalCatalog(tenant, "pond");
    User alice = newUser(tenant, "alice");
    Role reader = newRole(tenant, "reader", onCatalog(tenant, LAKE, Action.READ, Action.LIST));
    assign(tenant, reader.id(), alice.id());
    AssetScope orders = new AssetScope(tenant, LAKE, SALES, "orders");
    AssetScope customers = new AssetScope(tenant, LAKE, SALES, "customers");
    grant(tenant, alice.id(), on(orders, Action.WRITE));

    Set<Grant> grants = new LinkedHashSet<>();
    effective(tenant, alice.id()).forEach(e -> grants.add(e.grant()));

    assertThat(PermissionResolver.allows(grants, Action.READ, orders)).isTrue();
    assertThat(PermissionResolver.allows(grants, Action.WRITE, orders)).isTrue();
    assertThat(PermissionResolver.allows(grants, Action.READ, customers)).isTrue();
    assertThat(PermissionResolver.allows(grants, Action.WRITE, customers)).isFalse();
    assertThat(
            PermissionResolver.allows(grants, Action.LIST, new NamespaceScope(tenant, LAKE, SALES)))
        .isTrue();
    assertThat(
            PermissionResolver.allows(
                grants, Action.READ, new AssetScope(tenant, "pond", SALES, "orders")))
        .isFalse();
    assertThat(PermissionResolver.allows(grants, Action.DELETE, orders)).isFalse();
    assertThat(PermissionResolver.effective(grants, orders))
        .containsExactlyInAnyOrder(Action.READ, Action.LIST, Action.WRITE);
  }

  private static EffectivePermission fromRole(Role role, Grant grant) {
    return new EffectivePermission(
        GrantRules.roleGrantId(role.id(), grant), grant, PermissionOrigin.role(role.id()));
  }
}
