package dev.catalogstore.memory;

import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One tenant's users, roles, role assignments and direct permissions. Plain collections, touched
 * only under the tenant's lock (see {@link TenantState}); every method here keeps the indexes in
 * step with each other, so a facet never updates one without the others.
 *
 * <p>Indexes: users and roles by id and by name (code-point order, for the listings); assignments
 * both ways, each side sorted by the other side's name (usernames never change; a role's rename
 * re-sorts it in its users' indexes); direct permissions by id string and per user by {@link
 * GrantRules#key grant key}, which makes an equal grant idempotent.
 */
final class AccessState {
  private final Map<UserId, User> users = new HashMap<>();
  private final NavigableMap<String, UserId> usersByName = new TreeMap<>(CodePointOrder.STRINGS);
  private final Map<RoleId, Role> roles = new HashMap<>();
  private final NavigableMap<String, RoleId> rolesByName = new TreeMap<>(CodePointOrder.STRINGS);
  private final Map<UserId, NavigableMap<String, RoleId>> rolesOfUser = new HashMap<>();
  private final Map<RoleId, NavigableMap<String, UserId>> usersOfRole = new HashMap<>();
  private final NavigableMap<String, Permission> permissionsById =
      new TreeMap<>(CodePointOrder.STRINGS);
  private final Map<UserId, Map<String, Permission>> permissionsOfUser = new HashMap<>();

  // ---- users

  User user(UserId id) {
    return users.get(id);
  }

  /** The user {@code id}, or {@code NotFoundException} ({@code USER}). */
  User requireUser(UserId id) {
    User user = users.get(id);
    if (user == null) {
      throw Missing.user(id);
    }
    return user;
  }

  UserId userNamed(String username) {
    return usersByName.get(username);
  }

  NavigableMap<String, UserId> usersByName() {
    return usersByName;
  }

  /** Adds a new user or replaces one (its username never changes). */
  void putUser(User user) {
    users.put(user.id(), user);
    usersByName.put(user.username(), user.id());
  }

  /** Removes a user with its role assignments and direct permissions. */
  void removeUser(UserId id) {
    User user = users.remove(id);
    usersByName.remove(user.username());
    NavigableMap<String, RoleId> assigned = rolesOfUser.remove(id);
    if (assigned != null) {
      assigned.values().forEach(role -> usersOfRole.get(role).remove(user.username()));
    }
    Map<String, Permission> direct = permissionsOfUser.remove(id);
    if (direct != null) {
      direct.values().forEach(p -> permissionsById.remove(p.id().toString()));
    }
  }

  // ---- roles

  /** The role {@code id}, or {@code NotFoundException} ({@code ROLE}). */
  Role requireRole(RoleId id) {
    Role role = roles.get(id);
    if (role == null) {
      throw Missing.role(id);
    }
    return role;
  }

  Role role(RoleId id) {
    return roles.get(id);
  }

  RoleId roleNamed(String name) {
    return rolesByName.get(name);
  }

  NavigableMap<String, RoleId> rolesByName() {
    return rolesByName;
  }

  /** Adds a new role or replaces one, re-indexing it under a new name in every index. */
  void putRole(Role role) {
    Role previous = roles.put(role.id(), role);
    if (previous != null && !previous.name().equals(role.name())) {
      rolesByName.remove(previous.name());
      for (UserId user : usersOfRole.getOrDefault(role.id(), new TreeMap<>()).values()) {
        NavigableMap<String, RoleId> assigned = rolesOfUser.get(user);
        assigned.remove(previous.name());
        assigned.put(role.name(), role.id());
      }
    }
    rolesByName.put(role.name(), role.id());
  }

  /** Removes a role with its assignments. */
  void removeRole(RoleId id) {
    Role role = roles.remove(id);
    rolesByName.remove(role.name());
    NavigableMap<String, UserId> assigned = usersOfRole.remove(id);
    if (assigned != null) {
      assigned.values().forEach(user -> rolesOfUser.get(user).remove(role.name()));
    }
  }

  /** Assigns a role (both must exist); false if it was assigned already. */
  boolean assign(Role role, User user) {
    boolean added =
        rolesOfUser
                .computeIfAbsent(user.id(), u -> new TreeMap<>(CodePointOrder.STRINGS))
                .put(role.name(), role.id())
            == null;
    usersOfRole
        .computeIfAbsent(role.id(), r -> new TreeMap<>(CodePointOrder.STRINGS))
        .put(user.username(), user.id());
    return added;
  }

  /** Takes a role from a user (both must exist); false if it was not assigned. */
  boolean revoke(Role role, User user) {
    NavigableMap<String, RoleId> assigned = rolesOfUser.get(user.id());
    if (assigned == null || assigned.remove(role.name()) == null) {
      return false;
    }
    usersOfRole.get(role.id()).remove(user.username());
    return true;
  }

  /** The roles of a user by role name; empty if it has none. */
  NavigableMap<String, RoleId> rolesOf(UserId user) {
    return rolesOfUser.getOrDefault(user, new TreeMap<>(CodePointOrder.STRINGS));
  }

  /** The users of a role by username; empty if it has none. */
  NavigableMap<String, UserId> usersOf(RoleId role) {
    return usersOfRole.getOrDefault(role, new TreeMap<>(CodePointOrder.STRINGS));
  }

  // ---- direct permissions

  NavigableMap<String, Permission> permissionsById() {
    return permissionsById;
  }

  /** The user's direct permissions by grant key; empty if it has none. */
  Map<String, Permission> permissionsOf(UserId user) {
    return permissionsOfUser.getOrDefault(user, Map.of());
  }

  void addPermission(Permission permission) {
    permissionsById.put(permission.id().toString(), permission);
    permissionsOfUser
        .computeIfAbsent(permission.user(), u -> new HashMap<>())
        .put(GrantRules.key(permission.grant()), permission);
  }

  void removePermission(Permission permission) {
    permissionsById.remove(permission.id().toString());
    permissionsOfUser.get(permission.user()).remove(GrantRules.key(permission.grant()));
  }

  // ---- cascades

  /**
   * Removes every grant naming {@code catalog}, from roles and direct permissions, as its deletion
   * demands: a catalog created later under the name starts with no grants. A role's {@code
   * updatedAt} is kept, as nobody changed the role.
   */
  void removeGrantsOf(String catalog) {
    for (Role role : roles.values().toArray(Role[]::new)) {
      Set<Grant> kept =
          role.grants().stream()
              .filter(g -> !GrantRules.catalogOf(g.scope()).map(catalog::equals).orElse(false))
              .collect(Collectors.toCollection(LinkedHashSet::new));
      if (kept.size() != role.grants().size()) {
        roles.put(
            role.id(),
            new Role(
                role.id(),
                role.tenant(),
                role.name(),
                role.description(),
                kept,
                role.createdAt(),
                role.updatedAt()));
      }
    }
    for (Permission permission : permissionsById.values().toArray(Permission[]::new)) {
      if (GrantRules.catalogOf(permission.grant().scope()).map(catalog::equals).orElse(false)) {
        removePermission(permission);
      }
    }
  }
}
