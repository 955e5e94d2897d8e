package dev.catalogstore.tck.role;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.AccessSuite;
import dev.catalogstore.tck.TckSuite.ThrowingCall;
import dev.catalogstore.tck.TckTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Specifies the roles facet: a role reads back its grants exactly, on every kind of scope and with
 * every action; names are unique per tenant; an update replaces the grants whole, renames or
 * changes the description, leaving the rest; a delete takes its assignments with it; assign and
 * revoke are idempotent both ways and say whether they changed something; a user's roles list by
 * name and a role's users by username; a missing role or user is {@code NotFound}, the role
 * reported first.
 */
public abstract class RoleContract extends AccessSuite {
  @Test
  void aCreatedRoleReadsBackItsGrantsExactlyInTheirOrder() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    // The reverse of the order scopes nest in, so that no natural order can pass for the given one.
    List<Grant> given = new ArrayList<>(everyKindOfGrant(tenant));
    Collections.reverse(given);

    Role created =
        await(
            store()
                .roles()
                .create(
                    tenant,
                    new NewRole(
                        "analyst", "reads the lake\nand more", new LinkedHashSet<>(given))));

    assertThat(created.tenant()).isEqualTo(tenant);
    assertThat(created.name()).isEqualTo("analyst");
    assertThat(created.description()).isEqualTo("reads the lake\nand more");
    assertThat(List.copyOf(created.grants())).containsExactlyElementsOf(given);
    TckTime.assertCreated(created.createdAt(), created.updatedAt());
    Role got = await(store().roles().get(tenant, created.id())).orElseThrow();
    Role found = await(store().roles().findByName(tenant, "analyst")).orElseThrow();
    Role listed = roles(tenant).get(0);
    for (Role read : List.of(got, found, listed)) {
      assertThat(read).isEqualTo(created);
      assertThat(List.copyOf(read.grants()))
          .as("the grants read back")
          .containsExactlyElementsOf(given);
    }
    assertThat(roles(tenant)).containsExactly(created);
  }

  @Test
  void aRoleWithoutGrantsOrDescriptionReadsBackEmpty() {
    TenantId tenant = newTenant();

    Role created = newRole(tenant, "nobody");

    assertThat(created.grants()).isEmpty();
    assertThat(created.description()).isEmpty();
    assertThat(await(store().roles().get(tenant, created.id()))).contains(created);
  }

  @Test
  void aTakenRoleNameIsRefusedAndNothingChanges() {
    TenantId tenant = newTenant();
    Role reader = newRole(tenant, "reader", on(new TenantScope(tenant), Action.READ));

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .roles()
                .create(
                    tenant,
                    NewRole.of("reader", on(new TenantScope(tenant), Action.ALL))
                        .withDescription("another")));

    assertThat(roles(tenant)).containsExactly(reader);
  }

  @Test
  void theSameRoleNameWorksInTwoTenants() {
    TenantId first = newTenant();
    TenantId second = newTenant();

    Role inFirst = newRole(first, "reader", on(new TenantScope(first), Action.READ));
    Role inSecond = newRole(second, "reader", on(new TenantScope(second), Action.WRITE));

    assertThat(inSecond.id()).isNotEqualTo(inFirst.id());
    assertThat(await(store().roles().findByName(first, "reader"))).contains(inFirst);
    assertThat(await(store().roles().findByName(second, "reader"))).contains(inSecond);
  }

  @Test
  void anUpdateReplacesTheGrantsWholeAndKeepsTheRest() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    Role role =
        await(
            store()
                .roles()
                .create(
                    tenant,
                    NewRole.of(
                            "analyst",
                            onCatalog(tenant, LAKE, Action.READ, Action.LIST),
                            on(new TenantScope(tenant), Action.MANAGE_USERS))
                        .withDescription("desc")));
    Grant write = onCatalog(tenant, LAKE, Action.WRITE);
    Grant tag = on(new TagScope(tenant, LAKE, "v1"), Action.READ);
    Grant all = on(new TenantScope(tenant), Action.ALL);
    List<Grant> given = List.of(write, tag, all);

    Role replaced =
        await(
            store()
                .roles()
                .update(
                    tenant,
                    role.id(),
                    RoleUpdate.builder().grants(new LinkedHashSet<>(given)).build()));
    List<Grant> readBack =
        List.copyOf(await(store().roles().get(tenant, role.id())).orElseThrow().grants());
    Role emptied =
        await(
            store()
                .roles()
                .update(tenant, role.id(), RoleUpdate.builder().grants(Set.of()).build()));

    assertThat(List.copyOf(replaced.grants())).containsExactlyElementsOf(given);
    assertThat(readBack).as("the replaced grants read back, in their order").isEqualTo(given);
    assertThat(replaced.name()).isEqualTo("analyst");
    assertThat(replaced.description()).isEqualTo("desc");
    TckTime.assertUpdated(
        role.createdAt(), role.updatedAt(), replaced.createdAt(), replaced.updatedAt());
    assertThat(emptied.grants()).isEmpty();
    assertThat(emptied.name()).isEqualTo("analyst");
    assertThat(await(store().roles().get(tenant, role.id()))).contains(emptied);
  }

  @Test
  void aRenameKeepsTheGrantsAndDescriptionAndFreesTheOldName() {
    TenantId tenant = newTenant();
    Role role =
        await(
            store()
                .roles()
                .create(
                    tenant,
                    NewRole.of("old", on(new TenantScope(tenant), Action.READ))
                        .withDescription("desc")));

    Role renamed =
        await(store().roles().update(tenant, role.id(), RoleUpdate.builder().name("new").build()));

    assertThat(renamed.id()).isEqualTo(role.id());
    assertThat(renamed.name()).isEqualTo("new");
    assertThat(renamed.grants()).isEqualTo(role.grants());
    assertThat(renamed.description()).isEqualTo("desc");
    assertThat(await(store().roles().findByName(tenant, "new"))).contains(renamed);
    assertThat(await(store().roles().findByName(tenant, "old"))).isEmpty();
    assertThat(newRole(tenant, "old").id()).isNotEqualTo(role.id());
  }

  @Test
  void aDescriptionUpdateChangesOnlyTheDescription() {
    TenantId tenant = newTenant();
    Role role = newRole(tenant, "reader", on(new TenantScope(tenant), Action.READ));

    Role described =
        await(
            store()
                .roles()
                .update(tenant, role.id(), RoleUpdate.builder().description("reads all").build()));
    Role untouched = await(store().roles().update(tenant, role.id(), RoleUpdate.builder().build()));

    assertThat(described.description()).isEqualTo("reads all");
    assertThat(described.name()).isEqualTo("reader");
    assertThat(described.grants()).isEqualTo(role.grants());
    assertThat(untouched.description()).isEqualTo("reads all");
    assertThat(untouched.name()).isEqualTo("reader");
    assertThat(untouched.grants()).isEqualTo(role.grants());
    assertThat(await(store().roles().get(tenant, role.id()))).contains(untouched);
  }

  @Test
  void aRenameOntoATakenNameIsRefusedAndNothingChanges() {
    TenantId tenant = newTenant();
    Role reader = newRole(tenant, "reader");
    Role writer = newRole(tenant, "writer");

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .roles()
                .update(
                    tenant,
                    writer.id(),
                    RoleUpdate.builder().name("reader").description("changed").build()));

    assertThat(roles(tenant)).containsExactly(reader, writer);
  }

  @Test
  void deletingARoleRemovesItsAssignments() {
    TenantId tenant = newTenant();
    Role doomed = newRole(tenant, "doomed", on(new TenantScope(tenant), Action.READ));
    Role kept = newRole(tenant, "kept");
    User alice = newUser(tenant, "alice");
    User bob = newUser(tenant, "bob");
    assign(tenant, doomed.id(), alice.id());
    assign(tenant, doomed.id(), bob.id());
    assign(tenant, kept.id(), alice.id());

    await(store().roles().delete(tenant, doomed.id()));

    assertThat(await(store().roles().get(tenant, doomed.id()))).isEmpty();
    assertThat(userRoles(tenant, alice.id())).containsExactly(kept);
    assertThat(userRoles(tenant, bob.id())).isEmpty();
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store().roles().listRoleUsers(tenant, doomed.id(), PageRequest.firstPage()))
                .missing())
        .isEqualTo(ObjectType.ROLE);
    Role again = newRole(tenant, "doomed");
    assertThat(roleUsers(tenant, again.id()))
        .as("the users of a role created again under the deleted role's name")
        .isEmpty();
    assertThat(roleUsers(tenant, kept.id())).containsExactly(alice);
  }

  @Test
  void assignIsIdempotentAndSaysWhetherItChangedSomething() {
    TenantId tenant = newTenant();
    Role role = newRole(tenant, "reader");
    User alice = newUser(tenant, "alice");

    assertThat(assign(tenant, role.id(), alice.id())).as("the first assignment").isTrue();
    assertThat(assign(tenant, role.id(), alice.id())).as("the same assignment again").isFalse();

    assertThat(userRoles(tenant, alice.id())).containsExactly(role);
    assertThat(roleUsers(tenant, role.id())).containsExactly(alice);
  }

  @Test
  void revokeIsIdempotentAndSaysWhetherItChangedSomething() {
    TenantId tenant = newTenant();
    Role role = newRole(tenant, "reader");
    Role other = newRole(tenant, "writer");
    User alice = newUser(tenant, "alice");
    assign(tenant, other.id(), alice.id());

    assertThat(revoke(tenant, role.id(), alice.id())).as("revoking an unassigned role").isFalse();
    assign(tenant, role.id(), alice.id());
    assertThat(revoke(tenant, role.id(), alice.id())).as("revoking an assigned role").isTrue();
    assertThat(revoke(tenant, role.id(), alice.id())).as("revoking it again").isFalse();

    assertThat(userRoles(tenant, alice.id())).containsExactly(other);
    assertThat(roleUsers(tenant, role.id())).isEmpty();
    assertThat(roleUsers(tenant, other.id())).containsExactly(alice);
  }

  @Test
  void aUsersRolesAreListedByNameInCodePointOrder() {
    TenantId tenant = newTenant();
    User alice = newUser(tenant, "alice");
    newRole(tenant, "unassigned");
    for (String name : List.of("😀", "é", "ｚ", "a", "B", "日", "a.b")) {
      assign(tenant, newRole(tenant, name).id(), alice.id());
    }

    assertThat(userRoles(tenant, alice.id()))
        .extracting(Role::name)
        .containsExactly("B", "a", "a.b", "é", "日", "ｚ", "😀");
    assertThat(roles(tenant))
        .extracting(Role::name)
        .containsExactly("B", "a", "a.b", "unassigned", "é", "日", "ｚ", "😀");
  }

  @Test
  void aRolesUsersAreListedByUsernameInCodePointOrder() {
    TenantId tenant = newTenant();
    Role role = newRole(tenant, "reader");
    newUser(tenant, "unassigned");
    for (String username : List.of("😀", "é", "ｚ", "a", "B", "日", "a.b")) {
      assign(tenant, role.id(), newUser(tenant, username).id());
    }

    assertThat(roleUsers(tenant, role.id()))
        .extracting(User::username)
        .containsExactly("B", "a", "a.b", "é", "日", "ｚ", "😀");
  }

  @Test
  void aMissingRoleOrUserIsNotFoundAndTheRoleIsReportedFirst() {
    TenantId tenant = newTenant();
    Role role = newRole(tenant, "reader");
    User alice = newUser(tenant, "alice");
    RoleId noRole = RoleId.random();
    UserId noUser = UserId.random();

    assertMissing(ObjectType.ROLE, () -> store().roles().assign(tenant, noRole, noUser));
    assertMissing(ObjectType.ROLE, () -> store().roles().revoke(tenant, noRole, noUser));
    assertMissing(ObjectType.ROLE, () -> store().roles().assign(tenant, noRole, alice.id()));
    assertMissing(ObjectType.ROLE, () -> store().roles().revoke(tenant, noRole, alice.id()));
    assertMissing(ObjectType.USER, () -> store().roles().assign(tenant, role.id(), noUser));
    assertMissing(ObjectType.USER, () -> store().roles().revoke(tenant, role.id(), noUser));
    assertMissing(
        ObjectType.USER,
        () -> store().roles().listUserRoles(tenant, noUser, PageRequest.firstPage()));
    assertMissing(
        ObjectType.ROLE,
        () -> store().roles().listRoleUsers(tenant, noRole, PageRequest.firstPage()));
    assertMissing(
        ObjectType.ROLE,
        () -> store().roles().update(tenant, noRole, RoleUpdate.builder().name("x").build()));
    assertMissing(ObjectType.ROLE, () -> store().roles().delete(tenant, noRole));

    assertThat(roleUsers(tenant, role.id())).isEmpty();
    assertThat(userRoles(tenant, alice.id())).isEmpty();
    assertThat(roles(tenant)).containsExactly(role);
  }

  @Test
  void aMissingRoleReadsAsEmpty() {
    TenantId tenant = newTenant();
    newRole(tenant, "reader");

    assertThat(await(store().roles().get(tenant, RoleId.random()))).isEmpty();
    assertThat(await(store().roles().findByName(tenant, "writer"))).isEmpty();
    assertThat(await(store().roles().findByName(tenant, "Reader"))).isEmpty();
  }

  @Test
  void aGrantOnAMissingCatalogOrAnotherTenantIsNotFoundAndNothingChanges() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    newLocalCatalog(tenant, LAKE);
    newLocalCatalog(other, "pond");
    Role role = newRole(tenant, "reader", onCatalog(tenant, LAKE, Action.READ));
    List<Grant> foreign =
        List.of(
            onCatalog(tenant, "pond", Action.READ),
            onCatalog(other, "pond", Action.READ),
            on(new TagScope(tenant, "pond", "v1"), Action.READ),
            on(new TenantScope(other), Action.READ));
    List<ObjectType> expected =
        List.of(ObjectType.CATALOG, ObjectType.CATALOG, ObjectType.CATALOG, ObjectType.TENANT);

    for (int i = 0; i < foreign.size(); i++) {
      Grant grant = foreign.get(i);
      assertMissing(
          expected.get(i), () -> store().roles().create(tenant, NewRole.of("writer", grant)));
      assertMissing(
          expected.get(i),
          () ->
              store()
                  .roles()
                  .update(
                      tenant,
                      role.id(),
                      RoleUpdate.builder()
                          .grants(Set.of(onCatalog(tenant, LAKE, Action.WRITE), grant))
                          .build()));
    }

    assertThat(roles(tenant)).containsExactly(role);
  }

  /** One grant on every kind of scope, together holding every action. */
  static Set<Grant> everyKindOfGrant(TenantId tenant) {
    NamespacePath sales = NamespacePath.of("sales", "eu");
    Set<Grant> grants = new LinkedHashSet<>();
    grants.add(on(new TenantScope(tenant), Action.MANAGE_USERS, Action.MANAGE_CATALOGS));
    grants.add(on(new CatalogScope(tenant, LAKE), Action.CREATE_BRANCH, Action.MERGE_BRANCH));
    grants.add(on(new NamespaceScope(tenant, LAKE, sales), Action.LIST, Action.CREATE));
    grants.add(
        on(
            new AssetScope(tenant, LAKE, sales, "orders"),
            Action.READ,
            Action.WRITE,
            Action.UPDATE));
    grants.add(on(new TagScope(tenant, LAKE, "v1"), Action.DELETE, Action.MANAGE_DISCOVERY));
    grants.add(on(new AssetScope(tenant, LAKE, sales, "customers"), Action.ALL));
    List<Action> covered = new ArrayList<>();
    grants.forEach(g -> covered.addAll(g.actions()));
    assertThat(covered).as("the actions the grants hold").containsAll(List.of(Action.values()));
    return grants;
  }

  private boolean revoke(TenantId tenant, RoleId role, UserId user) {
    return await(store().roles().revoke(tenant, role, user));
  }

  private static void assertMissing(ObjectType missing, ThrowingCall<CompletableFuture<?>> call) {
    assertThat(assertFails(NotFoundException.class, call).missing()).isEqualTo(missing);
  }
}
