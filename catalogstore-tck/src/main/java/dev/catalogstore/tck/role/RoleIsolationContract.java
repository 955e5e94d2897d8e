package dev.catalogstore.tck.role;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.tck.GovernanceIsolationSuite;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code roles()} facet: one {@link IsolationCase} per method, each proving
 * that no role or assignment of tenant A is observable or changeable through tenant B, although
 * both have roles and users of the same names, that B cannot assign A's roles or roles to A's
 * users, and that B's grants cannot name A's catalogs (see {@link GovernanceIsolationSuite}).
 */
public abstract class RoleIsolationContract extends GovernanceIsolationSuite {

  @Test
  @IsolationCase("roles.create")
  void createRoleTakesANameAndGrantsInTheCallersTenantOnly() {
    GovernedTwins twins = governedTwins();
    createAOnlyCatalog(twins.twins());
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(
        ObjectType.CATALOG,
        () -> store().roles().create(b, NewRole.of("new", catalogGrant(a, CATALOG, Action.READ))));
    assertMissing(
        ObjectType.TENANT,
        () -> store().roles().create(b, NewRole.of("new", Grant.of(tenantScope(a), Action.ALL))));
    assertMissing(
        ObjectType.CATALOG,
        () ->
            store()
                .roles()
                .create(b, NewRole.of("new", catalogGrant(b, A_ONLY_CATALOG, Action.READ))));
    assertFails(AlreadyExistsException.class, () -> store().roles().create(b, NewRole.of(READERS)));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    Role created =
        await(store().roles().create(b, NewRole.of("new", catalogGrant(b, CATALOG, Action.LIST))));
    assertThat(created.tenant()).isEqualTo(b);
    assertUnchanged(a, aBefore);
    assertThat(await(store().roles().findByName(a, "new"))).isEmpty();
  }

  @Test
  @IsolationCase("roles.get")
  void getRoleReadsTheCallersRolesOnly() {
    GovernedTwins twins = governedTwins();

    assertThat(await(store().roles().get(twins.b().tenant(), twins.a().readers().id()))).isEmpty();
    assertThat(await(store().roles().get(TenantId.SYSTEM, twins.a().readers().id()))).isEmpty();
    assertThat(await(store().roles().get(twins.b().tenant(), twins.b().readers().id())))
        .contains(twins.b().readers());
    assertThat(await(store().roles().get(twins.a().tenant(), twins.a().readers().id())))
        .contains(twins.a().readers());
  }

  @Test
  @IsolationCase("roles.findByName")
  void findRoleByNameFindsTheCallersRoleOfThatName() {
    GovernedTwins twins = governedTwins();
    await(store().roles().create(twins.a().tenant(), NewRole.of("a-only")));

    assertThat(await(store().roles().findByName(twins.b().tenant(), READERS)))
        .contains(twins.b().readers());
    assertThat(await(store().roles().findByName(twins.a().tenant(), READERS)))
        .contains(twins.a().readers());
    assertThat(await(store().roles().findByName(twins.b().tenant(), "a-only"))).isEmpty();
    assertThat(await(store().roles().findByName(TenantId.SYSTEM, "a-only"))).isEmpty();
  }

  @Test
  @IsolationCase("roles.list")
  void listRolesShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    await(store().roles().create(a, NewRole.of("a-only")));
    String aToken =
        await(store().roles().list(a, PageRequest.firstPage(1))).nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().roles().list(b, page)))
        .containsExactly(twins.b().readers(), twins.b().writers());
    assertThat(PagedReads.all(page -> store().roles().list(a, page)))
        .extracting(Role::name)
        .containsExactly("a-only", READERS, WRITERS);
    assertInvalid("page.pageToken", () -> store().roles().list(b, PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("roles.update")
  void updateRoleChangesTheCallersRoleOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(
        ObjectType.ROLE,
        () ->
            store()
                .roles()
                .update(b, twins.a().readers().id(), RoleUpdate.builder().name("x").build()));
    assertMissing(
        ObjectType.CATALOG,
        () ->
            store()
                .roles()
                .update(
                    b,
                    twins.b().readers().id(),
                    RoleUpdate.builder()
                        .grants(Set.of(catalogGrant(a, CATALOG, Action.ALL)))
                        .build()));
    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .roles()
                .update(b, twins.b().readers().id(), RoleUpdate.builder().name(WRITERS).build()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    Role renamed =
        await(
            store()
                .roles()
                .update(
                    b,
                    twins.b().readers().id(),
                    RoleUpdate.builder().name("renamed").grants(Set.of()).build()));
    assertThat(renamed.grants()).isEmpty();
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("roles.delete")
  void deleteRoleRemovesTheCallersRoleOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(ObjectType.ROLE, () -> store().roles().delete(b, twins.a().readers().id()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    await(store().roles().delete(b, twins.b().readers().id()));
    assertThat(await(store().roles().findByName(b, READERS))).isEmpty();
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("roles.assign")
  void assignRoleReachesOnlyTheCallersRolesAndUsers() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(
        ObjectType.ROLE,
        () -> store().roles().assign(b, twins.a().writers().id(), twins.b().bob().id()));
    assertMissing(
        ObjectType.USER,
        () -> store().roles().assign(b, twins.b().writers().id(), twins.a().bob().id()));
    assertMissing(
        ObjectType.ROLE,
        () -> store().roles().assign(b, twins.a().writers().id(), twins.a().bob().id()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    assertThat(await(store().roles().assign(b, twins.b().writers().id(), twins.b().bob().id())))
        .isTrue();
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("roles.revoke")
  void revokeRoleReachesOnlyTheCallersRolesAndUsers() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(
        ObjectType.ROLE,
        () -> store().roles().revoke(b, twins.a().readers().id(), twins.b().alice().id()));
    assertMissing(
        ObjectType.USER,
        () -> store().roles().revoke(b, twins.b().readers().id(), twins.a().alice().id()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    assertThat(await(store().roles().revoke(b, twins.b().readers().id(), twins.b().alice().id())))
        .isTrue();
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("roles.listUserRoles")
  void listUserRolesShowsTheCallersAssignmentsOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    await(store().roles().assign(a, twins.a().writers().id(), twins.a().alice().id()));
    String aToken =
        await(store().roles().listUserRoles(a, twins.a().alice().id(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(
            PagedReads.all(page -> store().roles().listUserRoles(b, twins.b().alice().id(), page)))
        .containsExactly(twins.b().readers());
    assertMissing(
        ObjectType.USER,
        () -> store().roles().listUserRoles(b, twins.a().alice().id(), PageRequest.firstPage()));
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .roles()
                .listUserRoles(b, twins.b().alice().id(), PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("roles.listRoleUsers")
  void listRoleUsersShowsTheCallersAssignmentsOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    await(store().roles().assign(a, twins.a().readers().id(), twins.a().bob().id()));
    String aToken =
        await(store().roles().listRoleUsers(a, twins.a().readers().id(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(
            PagedReads.all(
                page -> store().roles().listRoleUsers(b, twins.b().readers().id(), page)))
        .extracting(User::id)
        .containsExactly(twins.b().alice().id());
    assertMissing(
        ObjectType.ROLE,
        () -> store().roles().listRoleUsers(b, twins.a().readers().id(), PageRequest.firstPage()));
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .roles()
                .listRoleUsers(b, twins.b().readers().id(), PageRequest.nextPage(aToken, 1)));
  }
}
