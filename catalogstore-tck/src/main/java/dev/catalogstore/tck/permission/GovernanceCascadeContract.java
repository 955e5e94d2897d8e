package dev.catalogstore.tck.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionOrigin;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.tck.AccessSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckSuite.ThrowingCall;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What deleting a user, a role, a catalog or a tenant takes with it from the access of a tenant: a
 * user its role assignments, direct permissions and tokens; a role its assignments; a catalog every
 * grant naming it, in roles and in direct permissions, so that a catalog created again under the
 * name starts with no grants; a tenant all of it, so that its service users' keys and its tokens no
 * longer authenticate. Nothing of another user, role, catalog or tenant is touched.
 */
public abstract class GovernanceCascadeContract extends AccessSuite {
  private static final NamespacePath SALES = NamespacePath.of("sales");

  @Test
  void deletingAUserRemovesItsAssignmentsDirectPermissionsAndTokens() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    User bob = newUser(tenant, "bob");
    Role reader = newRole(tenant, "reader", onCatalog(tenant, LAKE, Action.READ));
    assign(tenant, reader.id(), alice.id());
    assign(tenant, reader.id(), bob.id());
    grant(tenant, alice.id(), onCatalog(tenant, LAKE, Action.WRITE));
    Permission bobs = grant(tenant, bob.id(), onCatalog(tenant, LAKE, Action.WRITE));
    IssuedToken aliceToken = newToken(tenant, alice.id());
    IssuedToken bobToken = newToken(tenant, bob.id());

    await(store().users().delete(tenant, alice.id()));

    assertThat(roleUsers(tenant, reader.id())).containsExactly(bob);
    assertThat(permissions(tenant)).containsExactly(bobs);
    assertThat(await(store().tokens().validate(aliceToken.hash()))).isEmpty();
    assertThat(PagedReads.all(page -> store().tokens().listActive(tenant, page)))
        .containsExactly(bobToken.token());
    assertThat(await(store().tokens().validate(bobToken.hash()))).contains(bobToken.token());
    User again = newUser(tenant, "alice");
    assertThat(userRoles(tenant, again.id()))
        .as("the roles of a user created again under the deleted user's name")
        .isEmpty();
    assertThat(effective(tenant, again.id()))
        .as("the permissions of a user created again under the deleted user's name")
        .isEmpty();
    assertThat(PagedReads.all(page -> store().tokens().listActiveForUser(tenant, again.id(), page)))
        .isEmpty();
  }

  @Test
  void deletingARoleRemovesItsAssignmentsAndTheirGrants() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Grant read = onCatalog(tenant, LAKE, Action.READ);
    Grant write = onCatalog(tenant, LAKE, Action.WRITE);
    Role doomed = newRole(tenant, "doomed", read, write);
    Role kept = newRole(tenant, "kept", read);
    assign(tenant, doomed.id(), alice.id());
    assign(tenant, kept.id(), alice.id());
    Permission direct = grant(tenant, alice.id(), write);

    await(store().roles().delete(tenant, doomed.id()));

    assertThat(userRoles(tenant, alice.id())).containsExactly(kept);
    assertThat(effective(tenant, alice.id()))
        .containsExactlyInAnyOrder(
            new EffectivePermission(direct.id(), write, PermissionOrigin.direct()),
            new EffectivePermission(
                GrantRules.roleGrantId(kept.id(), read), read, PermissionOrigin.role(kept.id())));
    assertThat(permissions(tenant)).containsExactly(direct);
  }

  @Test
  void deletingACatalogRemovesEveryGrantNamingItAndANewCatalogOfTheNameStartsWithout() {
    TenantId tenant = newTenant();
    TenantId twin = newTenant();
    newLocalCatalog(tenant, LAKE);
    newLocalCatalog(tenant, "pond");
    newLocalCatalog(twin, LAKE);
    User alice = newUser(tenant, "alice");
    Set<Grant> onLake =
        Set.of(
            onCatalog(tenant, LAKE, Action.READ),
            on(new NamespaceScope(tenant, LAKE, SALES), Action.LIST),
            on(new AssetScope(tenant, LAKE, SALES, "orders"), Action.WRITE),
            on(new TagScope(tenant, LAKE, "v1"), Action.DELETE));
    Grant onPond = onCatalog(tenant, "pond", Action.READ);
    Grant onTenant = on(new TenantScope(tenant), Action.MANAGE_USERS);
    Set<Grant> mixedGrants = new LinkedHashSet<>();
    mixedGrants.add(onTenant);
    mixedGrants.addAll(onLake);
    mixedGrants.add(onPond);
    Role mixed = await(store().roles().create(tenant, new NewRole("mixed", "", mixedGrants)));
    Role lakeOnly = await(store().roles().create(tenant, new NewRole("lake-only", "", onLake)));
    assign(tenant, mixed.id(), alice.id());
    assign(tenant, lakeOnly.id(), alice.id());
    for (Grant grant : onLake) {
      grant(tenant, alice.id(), grant);
    }
    Permission pond = grant(tenant, alice.id(), onPond);
    User twinAlice = newUser(twin, "alice");
    Permission twinLake = grant(twin, twinAlice.id(), onCatalog(twin, LAKE, Action.READ));
    Role twinRole = newRole(twin, "mixed", onCatalog(twin, LAKE, Action.READ));

    await(store().catalogs().delete(tenant, LAKE));

    assertThat(List.copyOf(await(store().roles().get(tenant, mixed.id())).orElseThrow().grants()))
        .as("the grants left, in the order given")
        .containsExactly(onTenant, onPond);
    assertThat(await(store().roles().get(tenant, lakeOnly.id())).orElseThrow().grants()).isEmpty();
    assertThat(permissions(tenant)).containsExactly(pond);
    assertThat(effective(tenant, alice.id()))
        .extracting(EffectivePermission::grant)
        .containsExactlyInAnyOrder(onPond, onPond, onTenant);
    assertThat(userRoles(tenant, alice.id()))
        .as("the roles stay assigned, without the deleted catalog's grants")
        .extracting(Role::id)
        .containsExactly(lakeOnly.id(), mixed.id());
    assertThat(permissions(twin)).containsExactly(twinLake);
    assertThat(await(store().roles().get(twin, twinRole.id()))).contains(twinRole);

    await(store().catalogs().create(tenant, NewCatalog.local(LAKE, LAKE + "-wh")));

    assertThat(permissions(tenant)).containsExactly(pond);
    assertThat(effective(tenant, alice.id()))
        .as("the grants of alice once a catalog of the deleted one's name exists again")
        .extracting(EffectivePermission::grant)
        .containsExactlyInAnyOrder(onPond, onPond, onTenant);
    assertThat(await(store().roles().get(tenant, lakeOnly.id())).orElseThrow().grants()).isEmpty();
  }

  @Test
  void deletingATenantRemovesItsAccessAndItsSecretsNoLongerResolve() {
    TenantId tenant = newTenant();
    TenantId twin = newTenant();
    newLocalCatalog(tenant, LAKE);
    User alice = newUser(tenant, "alice");
    Role reader = newRole(tenant, "reader", onCatalog(tenant, LAKE, Action.READ));
    assign(tenant, reader.id(), alice.id());
    grant(tenant, alice.id(), on(new TenantScope(tenant), Action.MANAGE_USERS));
    KeyedServiceUser robot = newServiceUser(tenant, "robot");
    IssuedToken token = newToken(tenant, alice.id());
    User twinAlice = newUser(twin, "alice");
    KeyedServiceUser twinRobot = newServiceUser(twin, "robot");
    IssuedToken twinToken = newToken(twin, twinAlice.id());

    await(store().tenants().delete(tenant));

    assertThat(await(store().serviceUsers().findByApiKeyHash(robot.hash()))).isEmpty();
    assertThat(await(store().tokens().validate(token.hash()))).isEmpty();
    assertThat(await(store().users().get(tenant, alice.id()))).isEmpty();
    assertThat(await(store().users().findByUsername(tenant, "alice"))).isEmpty();
    assertThat(await(store().roles().get(tenant, reader.id()))).isEmpty();
    assertThat(await(store().serviceUsers().get(tenant, robot.serviceUser().id()))).isEmpty();
    assertThat(await(store().tokens().get(tenant, token.token().id()))).isEmpty();
    assertMissingTenant(() -> store().users().list(tenant, PageRequest.firstPage()));
    assertMissingTenant(() -> store().roles().list(tenant, PageRequest.firstPage()));
    assertMissingTenant(() -> store().permissions().list(tenant, PageRequest.firstPage()));
    assertThat(await(store().serviceUsers().findByApiKeyHash(twinRobot.hash())))
        .contains(twinRobot.serviceUser());
    assertThat(await(store().tokens().validate(twinToken.hash()))).contains(twinToken.token());
    assertThat(users(twin)).containsExactly(twinAlice);
  }

  private static void assertMissingTenant(ThrowingCall<CompletableFuture<?>> call) {
    assertThat(assertFails(NotFoundException.class, call).missing()).isEqualTo(ObjectType.TENANT);
  }
}
