package dev.catalogstore.tck.role;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.GovernanceInputRulesSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code roles()} facet, for every method: each invalid input refused on its
 * exact field (grants by their place in the set: {@code role.grants[1].scope.catalog}), also under
 * a missing tenant, changing nothing (see {@link GovernanceInputRulesSuite}); role names with odd
 * characters kept exactly. The same grant rules hold for {@code permissions().grant} (see {@code
 * PermissionInputRulesContract}).
 */
public abstract class RoleInputRulesContract extends GovernanceInputRulesSuite {

  /**
   * Grants every call refuses, each with the suffix of the field it is refused on, built for a
   * tenant.
   */
  public static Map<String, Function<TenantId, Grant>> badGrants() {
    Map<String, Function<TenantId, Grant>> grants = new LinkedHashMap<>();
    grants.put("", t -> null);
    grants.put(".scope", t -> new Grant(null, Set.of(Action.READ)));
    grants.put(
        ".scope.tenant", t -> Grant.of(new PermissionScope.CatalogScope(null, CAT), Action.READ));
    grants.put(".scope.tenant ", t -> Grant.of(new PermissionScope.TenantScope(null), Action.READ));
    for (String name : invalidNames()) {
      grants.put(
          ".scope.catalog" + " ".repeat(grants.size()),
          t -> Grant.of(new PermissionScope.CatalogScope(t, name), Action.READ));
    }
    grants.put(
        ".scope.namespace",
        t -> Grant.of(new PermissionScope.NamespaceScope(t, CAT, NamespacePath.ROOT), Action.READ));
    grants.put(
        ".scope.namespace[0]",
        t ->
            Grant.of(
                new PermissionScope.NamespaceScope(t, CAT, NamespacePath.of(" ")), Action.READ));
    grants.put(
        ".scope.name",
        t ->
            Grant.of(
                new PermissionScope.AssetScope(t, CAT, NamespacePath.of("ns"), "a\u0000"),
                Action.READ));
    grants.put(".scope.tag", t -> Grant.of(new PermissionScope.TagScope(t, CAT, ""), Action.READ));
    grants.put(".actions", t -> new Grant(new PermissionScope.TenantScope(t), null));
    grants.put(".actions ", t -> new Grant(new PermissionScope.TenantScope(t), Set.of()));
    grants.put(
        ".actions  ",
        t ->
            new Grant(
                new PermissionScope.TenantScope(t),
                new LinkedHashSet<>(Arrays.asList(Action.READ, null))));
    return grants;
  }

  @Test
  void createRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    Refusals refusals = new Refusals(world);
    refusals.refuse("null tenant", "tenant", t -> store().roles().create(null, NewRole.of("new")));
    refusals.refuse("null role", "role", t -> store().roles().create(t, null));
    for (String name : invalidNames()) {
      refusals.refuse(
          "name " + name, "role.name", t -> store().roles().create(t, NewRole.of(name)));
    }
    refusals.refuse(
        "null description",
        "role.description",
        t -> store().roles().create(t, NewRole.of("new").withDescription(null)));
    refusals.refuse(
        "description of 4097 characters",
        "role.description",
        t -> store().roles().create(t, NewRole.of("new").withDescription("d".repeat(4097))));
    refusals.refuse(
        "NUL in the description",
        "role.description",
        t -> store().roles().create(t, NewRole.of("new").withDescription("a\u0000b")));
    refusals.refuse(
        "null grants", "role.grants", t -> store().roles().create(t, new NewRole("new", "", null)));
    refusals.refuse(
        "1001 grants",
        "role.grants",
        t -> store().roles().create(t, new NewRole("new", "", manyGrants(t, 1001))));
    badGrants()
        .forEach(
            (suffix, bad) ->
                refusals.refuse(
                    "second grant" + suffix,
                    "role.grants[1]" + suffix.strip(),
                    t ->
                        store()
                            .roles()
                            .create(t, new NewRole("new", "", grants(catGrant(t), bad.apply(t))))));
    refusals.verify();
  }

  @Test
  void updateRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    RoleId id = world.role.id();
    Refusals refusals = new Refusals(world);
    RoleUpdate fine = RoleUpdate.builder().description("fine").build();
    refusals.refuse("null tenant", "tenant", t -> store().roles().update(null, id, fine));
    refusals.refuse("null role", "role", t -> store().roles().update(t, null, fine));
    refusals.refuse("null update", "update", t -> store().roles().update(t, id, null));
    for (String name : invalidNames()) {
      if (name != null) {
        refusals.refuse(
            "name " + name,
            "update.name",
            t -> store().roles().update(t, id, RoleUpdate.builder().name(name).build()));
      }
    }
    refusals.refuse(
        "description of 4097 characters",
        "update.description",
        t ->
            store()
                .roles()
                .update(t, id, RoleUpdate.builder().description("d".repeat(4097)).build()));
    refusals.refuse(
        "null grants",
        "update.grants",
        t -> store().roles().update(t, id, RoleUpdate.builder().grants(null).build()));
    refusals.refuse(
        "1001 grants",
        "update.grants",
        t ->
            store()
                .roles()
                .update(t, id, RoleUpdate.builder().grants(manyGrants(t, 1001)).build()));
    badGrants()
        .forEach(
            (suffix, bad) ->
                refusals.refuse(
                    "second grant" + suffix,
                    "update.grants[1]" + suffix.strip(),
                    t ->
                        store()
                            .roles()
                            .update(
                                t,
                                id,
                                RoleUpdate.builder()
                                    .name("renamed")
                                    .grants(grants(catGrant(t), bad.apply(t)))
                                    .build())));
    refusals.verify();
  }

  @Test
  void everyOtherMethodRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    RoleId role = world.role.id();
    UserId user = world.user.id();
    PageRequest first = PageRequest.firstPage();
    Refusals refusals = new Refusals(world);
    refusals.refuse("get null tenant", "tenant", t -> store().roles().get(null, role));
    refusals.refuse("get null role", "role", t -> store().roles().get(t, null));
    refusals.refuse(
        "findByName null tenant", "tenant", t -> store().roles().findByName(null, "role"));
    for (String name : invalidNames()) {
      refusals.refuse("findByName " + name, "name", t -> store().roles().findByName(t, name));
    }
    refusals.refuse("list null tenant", "tenant", t -> store().roles().list(null, first));
    refusals.refuse("list null page", "page", t -> store().roles().list(t, null));
    refusals.refuse(
        "list limit 0", "page.limit", t -> store().roles().list(t, PageRequest.firstPage(0)));
    refusals.refuse("delete null tenant", "tenant", t -> store().roles().delete(null, role));
    refusals.refuse("delete null role", "role", t -> store().roles().delete(t, null));
    refusals.refuse("assign null tenant", "tenant", t -> store().roles().assign(null, role, user));
    refusals.refuse("assign null role", "role", t -> store().roles().assign(t, null, user));
    refusals.refuse("assign null user", "user", t -> store().roles().assign(t, role, null));
    refusals.refuse("revoke null tenant", "tenant", t -> store().roles().revoke(null, role, user));
    refusals.refuse("revoke null role", "role", t -> store().roles().revoke(t, null, user));
    refusals.refuse("revoke null user", "user", t -> store().roles().revoke(t, role, null));
    refusals.refuse(
        "listUserRoles null tenant",
        "tenant",
        t -> store().roles().listUserRoles(null, user, first));
    refusals.refuse(
        "listUserRoles null user", "user", t -> store().roles().listUserRoles(t, null, first));
    refusals.refuse(
        "listUserRoles null page", "page", t -> store().roles().listUserRoles(t, user, null));
    refusals.refuse(
        "listUserRoles garbage token",
        "page.pageToken",
        t -> store().roles().listUserRoles(t, user, PageRequest.nextPage("garbage", 1)));
    refusals.refuse(
        "listRoleUsers null tenant",
        "tenant",
        t -> store().roles().listRoleUsers(null, role, first));
    refusals.refuse(
        "listRoleUsers null role", "role", t -> store().roles().listRoleUsers(t, null, first));
    refusals.refuse(
        "listRoleUsers null page", "page", t -> store().roles().listRoleUsers(t, role, null));
    refusals.refuse(
        "listRoleUsers limit 0",
        "page.limit",
        t -> store().roles().listRoleUsers(t, role, PageRequest.firstPage(0)));
    refusals.verify();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void aValidRoleNameIsKeptExactly(String label, String name) {
    TenantId tenant = newTenant();
    Role created = await(store().roles().create(tenant, NewRole.of(name)));

    assertThat(created.name()).isEqualTo(name);
    assertThat(await(store().roles().get(tenant, created.id()))).contains(created);
    assertThat(await(store().roles().findByName(tenant, name))).contains(created);
    assertThat(PagedReads.all(page -> store().roles().list(tenant, page))).containsExactly(created);
  }

  @Test
  void everyTrickyRoleNameIsListedExactlyInCodePointOrder() {
    TenantId tenant = newTenant();
    for (String name : TckNames.TRICKY) {
      await(store().roles().create(tenant, NewRole.of(name)));
    }

    assertThat(pagedNames(page -> store().roles().list(tenant, page), Role::name))
        .containsExactlyElementsOf(TckNames.trickyInListOrder());
  }

  /** {@code grants} in the order given, {@code null}s kept. */
  private static Set<Grant> grants(Grant... grants) {
    return new LinkedHashSet<>(Arrays.asList(grants));
  }

  /** {@code count} distinct valid grants of {@code tenant}: one per tag of the catalog. */
  private static Set<Grant> manyGrants(TenantId tenant, int count) {
    Set<Grant> grants = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      grants.add(Grant.of(new PermissionScope.TagScope(tenant, CAT, "t" + i), Action.READ));
    }
    assertThat(count).isGreaterThan(GovernanceRequests.MAX_GRANTS);
    return grants;
  }
}
