package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.proceeding;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionOrigin;
import dev.catalogstore.api.permission.Permissions;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.role.Roles;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.api.user.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Broken stores whose defect lives in the users, roles or permissions facets. */
final class AccessBrokenStores {
  private AccessBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        effectivePermissionsJoiningRolesByNameAcrossTenants(),
        effectivePermissionsIgnoringTheTenant(),
        userDeleteLeavingGrantsUnderTheUsername(),
        roleDeleteKeepingAssignments(),
        grantIdempotentOnlyInActionOrder(),
        usernamesUniqueGlobally(),
        assignAlwaysReportingAChange(),
        roleUpdateMergingGrants(),
        userUpdateClearingAnUnnamedEmail(),
        catalogGrantsComingBackWithTheName(),
        rootUsersOutsideTheSystemTenant());
  }

  /**
   * Effective permissions that join a user's assignments to role grants by the role's name and
   * forget the tenant in that join: a role of the same name in any other tenant adds its grants.
   */
  static BrokenStore effectivePermissionsJoiningRolesByNameAcrossTenants() {
    return new BrokenStore(
        "effective-permissions-across-tenants",
        "permissions.listUserPermissions adds the grants of same-named roles of other tenants",
        facets -> {
          Map<String, Set<TenantId>> tenantsByRoleName = new ConcurrentHashMap<>();
          Roles honestRoles = facets.roles();
          Roles roles =
              Intercept.facet(Roles.class, honestRoles)
                  .replace(
                      "create",
                      2,
                      call ->
                          AccessBrokenStores.<Role>proceed(call)
                              .thenApply(
                                  role -> {
                                    tenantsByRoleName
                                        .computeIfAbsent(
                                            role.name(), n -> ConcurrentHashMap.newKeySet())
                                        .add(role.tenant());
                                    return role;
                                  }))
                  .build();
          Permissions permissions =
              Intercept.facet(Permissions.class, facets.permissions())
                  .replace(
                      "listUserPermissions",
                      3,
                      call ->
                          AccessBrokenStores.<Page<EffectivePermission>>proceed(call)
                              .thenApply(
                                  page -> {
                                    TenantId tenant = call.arg(0, TenantId.class);
                                    UserId user = call.arg(1, UserId.class);
                                    List<EffectivePermission> foreign = new ArrayList<>();
                                    for (Role own :
                                        allPages(p -> honestRoles.listUserRoles(tenant, user, p))) {
                                      for (TenantId other :
                                          tenantsByRoleName.getOrDefault(own.name(), Set.of())) {
                                        if (other.equals(tenant)) {
                                          continue;
                                        }
                                        join(honestRoles.findByName(other, own.name()))
                                            .ifPresent(role -> foreign.addAll(grantsOf(role)));
                                      }
                                    }
                                    return withExtras(
                                        page,
                                        call.arg(2, PageRequest.class),
                                        foreign,
                                        Comparator.comparing(e -> e.id().toString()));
                                  }))
                  .build();
          return facets.withRoles(roles).withPermissions(permissions);
        },
        List.of(test("Permissions", "effectivePermissionsHoldOnlyTheTenantsOwnRoleGrants")));
  }

  /**
   * Effective permissions read by user id alone ({@code WHERE user_id = ?} without the tenant): a
   * user id of another tenant lists that user's grants instead of failing as {@code NotFound}.
   */
  static BrokenStore effectivePermissionsIgnoringTheTenant() {
    return new BrokenStore(
        "effective-permissions-ignore-tenant",
        "permissions.listUserPermissions lists the grants of another tenant's user by its id",
        facets -> {
          Map<UserId, TenantId> owners = new ConcurrentHashMap<>();
          Users users =
              Intercept.facet(Users.class, facets.users())
                  .replace(
                      "create",
                      2,
                      call ->
                          AccessBrokenStores.<User>proceed(call)
                              .thenApply(
                                  user -> {
                                    owners.put(user.id(), user.tenant());
                                    return user;
                                  }))
                  .build();
          Permissions honest = facets.permissions();
          Permissions permissions =
              Intercept.facet(Permissions.class, honest)
                  .replace(
                      "listUserPermissions",
                      3,
                      call -> {
                        UserId user = call.arg(1, UserId.class);
                        TenantId owner = user == null ? null : owners.get(user);
                        return owner == null
                            ? call.proceed()
                            : honest.listUserPermissions(
                                owner, user, call.arg(2, PageRequest.class));
                      })
                  .build();
          return facets.withUsers(users).withPermissions(permissions);
        },
        List.of(test("Permissions", "effectivePermissionsHoldOnlyTheTenantsOwnRoleGrants")));
  }

  /**
   * Direct permissions and role assignments kept by username rather than by user id, and not
   * deleted with the user: a user created again under the name gets them back.
   */
  static BrokenStore userDeleteLeavingGrantsUnderTheUsername() {
    return new BrokenStore(
        "user-delete-leaves-grants",
        "users.delete leaves the user's roles and direct grants, which a new user of the name gets",
        facets -> {
          record Left(List<RoleId> roles, List<Grant> grants) {}
          record Key(TenantId tenant, String username) {}
          Map<Key, Left> left = new ConcurrentHashMap<>();
          Users honestUsers = facets.users();
          Roles honestRoles = facets.roles();
          Permissions honestPermissions = facets.permissions();
          Users users =
              Intercept.facet(Users.class, honestUsers)
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                UserId id = call.arg(1, UserId.class);
                                Optional<User> user =
                                    tenant == null || id == null
                                        ? Optional.empty()
                                        : join(honestUsers.get(tenant, id));
                                if (user.isEmpty()) {
                                  return proceeding(call);
                                }
                                List<RoleId> roles =
                                    allPages(p -> honestRoles.listUserRoles(tenant, id, p)).stream()
                                        .map(Role::id)
                                        .toList();
                                List<Grant> grants =
                                    allPages(p -> honestPermissions.list(tenant, p)).stream()
                                        .filter(permission -> permission.user().equals(id))
                                        .map(Permission::grant)
                                        .toList();
                                join(proceeding(call));
                                left.put(
                                    new Key(tenant, user.get().username()),
                                    new Left(roles, grants));
                                return completedFuture(null);
                              }))
                  .replace(
                      "create",
                      2,
                      call ->
                          AccessBrokenStores.<User>proceed(call)
                              .thenApply(
                                  user -> {
                                    Left back = left.get(new Key(user.tenant(), user.username()));
                                    if (back != null) {
                                      for (RoleId role : back.roles()) {
                                        honestRoles.assign(user.tenant(), role, user.id());
                                      }
                                      for (Grant grant : back.grants()) {
                                        honestPermissions.grant(user.tenant(), user.id(), grant);
                                      }
                                    }
                                    return user;
                                  }))
                  .build();
          return facets.withUsers(users);
        },
        List.of(
            test(
                "GovernanceCascades",
                "deletingAUserRemovesItsAssignmentsDirectPermissionsAndTokens")));
  }

  /**
   * A role deleted softly ({@code deleted_at} set) whose assignments are still read without that
   * filter: the role is gone from the role reads, but the users it was assigned to still list it
   * and hold its grants.
   */
  static BrokenStore roleDeleteKeepingAssignments() {
    return new BrokenStore(
        "role-delete-keeps-assignments",
        "roles.delete leaves the role in its users' role lists and effective permissions",
        facets -> {
          record Zombie(TenantId tenant, Role role, Set<UserId> users) {}
          List<Zombie> zombies = new CopyOnWriteArrayList<>();
          Roles honest = facets.roles();
          Roles roles =
              Intercept.facet(Roles.class, honest)
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                RoleId id = call.arg(1, RoleId.class);
                                Optional<Role> role =
                                    tenant == null || id == null
                                        ? Optional.empty()
                                        : join(honest.get(tenant, id));
                                if (role.isEmpty()) {
                                  return proceeding(call);
                                }
                                Set<UserId> users = new LinkedHashSet<>();
                                allPages(p -> honest.listRoleUsers(tenant, id, p))
                                    .forEach(u -> users.add(u.id()));
                                join(proceeding(call));
                                zombies.add(new Zombie(tenant, role.get(), users));
                                return completedFuture(null);
                              }))
                  .replace(
                      "listUserRoles",
                      3,
                      call ->
                          AccessBrokenStores.<Page<Role>>proceed(call)
                              .thenApply(
                                  page ->
                                      withExtras(
                                          page,
                                          call.arg(2, PageRequest.class),
                                          zombies.stream()
                                              .filter(
                                                  z ->
                                                      z.tenant().equals(call.arg(0, TenantId.class))
                                                          && z.users()
                                                              .contains(call.arg(1, UserId.class)))
                                              .map(Zombie::role)
                                              .toList(),
                                          Comparator.comparing(
                                              Role::name, CodePointOrder.STRINGS))))
                  .build();
          Permissions permissions =
              Intercept.facet(Permissions.class, facets.permissions())
                  .replace(
                      "listUserPermissions",
                      3,
                      call ->
                          AccessBrokenStores.<Page<EffectivePermission>>proceed(call)
                              .thenApply(
                                  page ->
                                      withExtras(
                                          page,
                                          call.arg(2, PageRequest.class),
                                          zombies.stream()
                                              .filter(
                                                  z ->
                                                      z.tenant().equals(call.arg(0, TenantId.class))
                                                          && z.users()
                                                              .contains(call.arg(1, UserId.class)))
                                              .flatMap(z -> grantsOf(z.role()).stream())
                                              .toList(),
                                          Comparator.comparing(e -> e.id().toString()))))
                  .build();
          return facets.withRoles(roles).withPermissions(permissions);
        },
        List.of(
            test("Roles", "deletingARoleRemovesItsAssignments"),
            test("GovernanceCascades", "deletingARoleRemovesItsAssignmentsAndTheirGrants")));
  }

  /**
   * A grant's uniqueness keyed on its actions in the order they were given (a JSON array of the
   * set's iteration order) instead of on the set: the same grant with its actions in another order
   * is stored again, as a second permission.
   */
  static BrokenStore grantIdempotentOnlyInActionOrder() {
    return new BrokenStore(
        "permission-grant-not-idempotent",
        "permissions.grant stores an equal grant again when its actions come in another order",
        facets -> {
          Map<PermissionId, List<Action>> firstGiven = new ConcurrentHashMap<>();
          List<Permission> duplicates = new CopyOnWriteArrayList<>();
          Permissions honest = facets.permissions();
          Permissions permissions =
              Intercept.facet(Permissions.class, honest)
                  .replace(
                      "grant",
                      3,
                      call ->
                          AccessBrokenStores.<Permission>proceed(call)
                              .thenApply(
                                  stored -> {
                                    Grant given = call.arg(2, Grant.class);
                                    List<Action> order =
                                        firstGiven.putIfAbsent(stored.id(), inOrder(given));
                                    if (order == null || order.equals(inOrder(given))) {
                                      return stored;
                                    }
                                    Permission again =
                                        new Permission(
                                            PermissionId.random(),
                                            stored.tenant(),
                                            stored.user(),
                                            given,
                                            Instant.now());
                                    duplicates.add(again);
                                    return again;
                                  }))
                  .replace(
                      "list",
                      2,
                      call ->
                          AccessBrokenStores.<Page<Permission>>proceed(call)
                              .thenApply(
                                  page ->
                                      withExtras(
                                          page,
                                          call.arg(1, PageRequest.class),
                                          duplicates.stream()
                                              .filter(
                                                  p ->
                                                      p.tenant()
                                                          .equals(call.arg(0, TenantId.class)))
                                              .toList(),
                                          Comparator.comparing(p -> p.id().toString()))))
                  .build();
          return facets.withPermissions(permissions);
        },
        List.of(test("Permissions", "grantingAnEqualGrantAgainReturnsTheSamePermission")));
  }

  /** A unique index on {@code username} alone, forgetting the tenant column. */
  static BrokenStore usernamesUniqueGlobally() {
    return new BrokenStore(
        "usernames-unique-globally",
        "users.create refuses a username another tenant has",
        facets -> {
          Map<UserId, String> usernames = new ConcurrentHashMap<>();
          Users users =
              Intercept.facet(Users.class, facets.users())
                  .replace(
                      "create",
                      2,
                      call -> {
                        NewUser user = call.arg(1, NewUser.class);
                        if (user != null && usernames.containsValue(user.username())) {
                          return failedFuture(
                              new AlreadyExistsException("username " + user.username()));
                        }
                        return AccessBrokenStores.<User>proceed(call)
                            .thenApply(
                                created -> {
                                  usernames.put(created.id(), created.username());
                                  return created;
                                });
                      })
                  .replace(
                      "delete",
                      2,
                      call ->
                          AccessBrokenStores.<Void>proceed(call)
                              .thenRun(() -> usernames.remove(call.arg(1, UserId.class))))
                  .build();
          return facets.withUsers(users);
        },
        List.of(test("Users", "theSameUsernameWorksInTwoTenants")));
  }

  /** {@code INSERT ... ON CONFLICT DO NOTHING} whose reply ignores the count of rows inserted. */
  static BrokenStore assignAlwaysReportingAChange() {
    return new BrokenStore(
        "assign-always-reports-a-change",
        "roles.assign completes with true when the user already had the role",
        facets ->
            facets.withRoles(
                Intercept.facet(Roles.class, facets.roles())
                    .replace(
                        "assign",
                        3,
                        call -> AccessBrokenStores.<Boolean>proceed(call).thenApply(made -> true))
                    .build()),
        List.of(test("Roles", "assignIsIdempotentAndSaysWhetherItChangedSomething")));
  }

  /** A grants update that inserts the new grants without deleting the old ones first. */
  static BrokenStore roleUpdateMergingGrants() {
    return new BrokenStore(
        "role-update-merges-grants",
        "roles.update adds the new grants to the old ones instead of replacing them",
        facets -> {
          Roles honest = facets.roles();
          return facets.withRoles(
              Intercept.facet(Roles.class, honest)
                  .replace(
                      "update",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                RoleId id = call.arg(1, RoleId.class);
                                RoleUpdate update = call.arg(2, RoleUpdate.class);
                                Optional<Role> before =
                                    tenant == null || id == null || update == null
                                        ? Optional.empty()
                                        : join(honest.get(tenant, id));
                                if (before.isEmpty()
                                    || !update.replacesGrants()
                                    || update.grants() == null) {
                                  return proceeding(call);
                                }
                                Set<Grant> merged = new LinkedHashSet<>(before.get().grants());
                                merged.addAll(update.grants());
                                RoleUpdate.Builder widened = RoleUpdate.builder().grants(merged);
                                update.name().ifPresent(widened::name);
                                update.description().ifPresent(widened::description);
                                return (CompletableFuture<?>)
                                    call.proceed(tenant, id, widened.build());
                              }))
                  .build());
        },
        List.of(test("Roles", "anUpdateReplacesTheGrantsWholeAndKeepsTheRest")));
  }

  /** An update that writes every column, taking an email the update does not name as none. */
  static BrokenStore userUpdateClearingAnUnnamedEmail() {
    return new BrokenStore(
        "user-update-clears-unnamed-email",
        "users.update removes the email when the update does not name it",
        facets ->
            facets.withUsers(
                Intercept.facet(Users.class, facets.users())
                    .replace(
                        "update",
                        3,
                        call -> {
                          UserUpdate update = call.arg(2, UserUpdate.class);
                          if (update == null || update.email().isPresent()) {
                            return call.proceed();
                          }
                          UserUpdate.Builder all = UserUpdate.builder().clearEmail();
                          update.displayName().ifPresent(all::displayName);
                          if (update.clearsDisplayName()) {
                            all.clearDisplayName();
                          }
                          update.active().ifPresent(all::active);
                          update.roleKind().ifPresent(all::roleKind);
                          return call.proceed(
                              call.arg(0, TenantId.class), call.arg(1, UserId.class), all.build());
                        })
                    .build()),
        List.of(test("Users", "anUpdateChangesOnlyWhatItNames")));
  }

  /**
   * Grants kept by catalog name and only hidden while no catalog of that name exists (the catalog
   * deletion forgot to delete them): a catalog created again under the name brings them back.
   */
  static BrokenStore catalogGrantsComingBackWithTheName() {
    return new BrokenStore(
        "catalog-grants-come-back",
        "a catalog created under a deleted catalog's name gets back the grants that named it",
        facets -> {
          record Hidden(
              TenantId tenant,
              String catalog,
              Map<RoleId, Set<Grant>> roles,
              List<Permission> direct) {}
          List<Hidden> hidden = new CopyOnWriteArrayList<>();
          Roles roles = facets.roles();
          Permissions permissions = facets.permissions();
          Catalogs catalogs =
              Intercept.facet(Catalogs.class, facets.catalogs())
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                String name = call.arg(1, String.class);
                                Map<RoleId, Set<Grant>> inRoles = new ConcurrentHashMap<>();
                                List<Permission> direct = new ArrayList<>();
                                if (tenant != null && name != null) {
                                  for (Role role : allPages(p -> roles.list(tenant, p))) {
                                    Set<Grant> naming = naming(role.grants(), name);
                                    if (!naming.isEmpty()) {
                                      inRoles.put(role.id(), naming);
                                    }
                                  }
                                  allPages(p -> permissions.list(tenant, p)).stream()
                                      .filter(p -> names(p.grant(), name))
                                      .forEach(direct::add);
                                }
                                join(proceeding(call));
                                hidden.add(new Hidden(tenant, name, inRoles, direct));
                                return completedFuture(null);
                              }))
                  .replace(
                      "create",
                      2,
                      call ->
                          AccessBrokenStores.<Catalog>proceed(call)
                              .thenApply(
                                  created -> {
                                    TenantId tenant = call.arg(0, TenantId.class);
                                    String name = call.arg(1, NewCatalog.class).name();
                                    for (Hidden h : hidden) {
                                      if (h.tenant().equals(tenant) && h.catalog().equals(name)) {
                                        hidden.remove(h);
                                        restore(roles, permissions, tenant, h.roles(), h.direct());
                                      }
                                    }
                                    return created;
                                  }))
                  .build();
          return facets.withCatalogs(catalogs);
        },
        List.of(
            test(
                "GovernanceCascades",
                "deletingACatalogRemovesEveryGrantNamingItAndANewCatalogOfTheNameStartsWithout")));
  }

  /**
   * A create that checks the role kind only against the enum, not against the tenant: a root user
   * is created in an ordinary tenant (simulated over the honest store as a tenant administrator
   * that the reply calls root).
   */
  static BrokenStore rootUsersOutsideTheSystemTenant() {
    return new BrokenStore(
        "root-user-outside-system-tenant",
        "users.create accepts a ROOT user in a tenant other than the system tenant",
        facets ->
            facets.withUsers(
                Intercept.facet(Users.class, facets.users())
                    .replace(
                        "create",
                        2,
                        call -> {
                          TenantId tenant = call.arg(0, TenantId.class);
                          NewUser user = call.arg(1, NewUser.class);
                          if (tenant == null
                              || tenant.equals(TenantId.SYSTEM)
                              || user == null
                              || user.roleKind() != RoleKind.ROOT) {
                            return call.proceed();
                          }
                          NewUser admin =
                              new NewUser(
                                  user.username(),
                                  user.email(),
                                  user.displayName(),
                                  RoleKind.TENANT_ADMIN,
                                  user.active());
                          return ((CompletableFuture<User>) call.proceed(tenant, admin))
                              .thenApply(
                                  u ->
                                      new User(
                                          u.id(),
                                          u.tenant(),
                                          u.username(),
                                          u.email(),
                                          u.displayName(),
                                          RoleKind.ROOT,
                                          u.active(),
                                          u.createdAt(),
                                          u.updatedAt()));
                        })
                    .build()),
        List.of(test("Users", "aRootUserIsRefusedOutsideTheSystemTenant")));
  }

  private static void restore(
      Roles roles,
      Permissions permissions,
      TenantId tenant,
      Map<RoleId, Set<Grant>> inRoles,
      List<Permission> direct) {
    inRoles.forEach(
        (id, grants) ->
            join(roles.get(tenant, id))
                .ifPresent(
                    role -> {
                      Set<Grant> back = new LinkedHashSet<>(role.grants());
                      back.addAll(grants);
                      join(roles.update(tenant, id, RoleUpdate.builder().grants(back).build()));
                    }));
    for (Permission permission : direct) {
      permissions.grant(tenant, permission.user(), permission.grant());
    }
  }

  private static Set<Grant> naming(Set<Grant> grants, String catalog) {
    Set<Grant> naming = new LinkedHashSet<>();
    for (Grant grant : grants) {
      if (names(grant, catalog)) {
        naming.add(grant);
      }
    }
    return naming;
  }

  private static boolean names(Grant grant, String catalog) {
    return GrantRules.catalogOf(grant.scope()).filter(catalog::equals).isPresent();
  }

  /** The effective permissions a role's grants give, as an honest store derives them. */
  private static List<EffectivePermission> grantsOf(Role role) {
    return role.grants().stream()
        .map(
            grant ->
                new EffectivePermission(
                    GrantRules.roleGrantId(role.id(), grant),
                    grant,
                    PermissionOrigin.role(role.id())))
        .toList();
  }

  /** The actions of a grant in the order they iterate, as a store serialising them keeps them. */
  private static List<Action> inOrder(Grant grant) {
    return grant == null || grant.actions() == null ? List.of() : List.copyOf(grant.actions());
  }

  /**
   * {@code page} with {@code extras} merged into it in list order when it is the first page; the
   * simulations' lists are short enough for the TCK's tests to read on one page.
   */
  private static <T> Page<T> withExtras(
      Page<T> page, PageRequest request, List<T> extras, Comparator<T> order) {
    if (extras.isEmpty() || request == null || request.pageToken().isPresent()) {
      return page;
    }
    List<T> items = new ArrayList<>(page.items());
    items.addAll(extras);
    items.sort(order);
    return new Page<>(items, page.nextPageToken());
  }

  @SuppressWarnings("unchecked")
  private static <T> CompletableFuture<T> proceed(Intercept.Call call) {
    return (CompletableFuture<T>) proceeding(call);
  }
}
