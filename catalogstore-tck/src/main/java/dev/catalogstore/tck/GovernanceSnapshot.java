package dev.catalogstore.tck;

import static dev.catalogstore.tck.TckSuite.await;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything of one tenant's governance data that the store's public methods can read: its users
 * (each with its roles, its effective permissions and its active tokens), its roles (each with its
 * users), its direct permissions, its service users, its active tokens, and for token ids the test
 * chose to watch the token's metadata and whether a revocation of the id is in force (the store
 * cannot enumerate revocations or inactive tokens, so a test names the ids it wants compared).
 *
 * <p>Part of {@link TenantSnapshot}, so that the isolation and cascade suites prove a tenant
 * unchanged including its governance data.
 *
 * @param users the tenant's users in list order, each with what hangs off it
 * @param roles the tenant's roles in list order, each with its users
 * @param permissions the tenant's direct permissions in list order
 * @param serviceUsers the tenant's service users in list order
 * @param activeTokens the tenant's active tokens in list order
 * @param watchedTokens the watched token ids, in the order given
 *     <p>Support for the TCK's own suites; a backend does not need it.
 */
public record GovernanceSnapshot(
    List<UserSnapshot> users,
    List<RoleSnapshot> roles,
    List<Permission> permissions,
    List<ServiceUser> serviceUsers,
    List<Token> activeTokens,
    List<WatchedToken> watchedTokens) {

  /** What a tenant that does not exist holds. */
  public static final GovernanceSnapshot NONE =
      new GovernanceSnapshot(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  /**
   * One user and what hangs off it.
   *
   * @param user the user's record
   * @param roles the roles assigned to it, in list order
   * @param permissions its effective permissions, in list order
   * @param activeTokens its active tokens, in list order
   */
  public record UserSnapshot(
      User user,
      List<Role> roles,
      List<EffectivePermission> permissions,
      List<Token> activeTokens) {}

  /**
   * One role and its users.
   *
   * @param role the role's record
   * @param users the users assigned the role, in list order
   */
  public record RoleSnapshot(Role role, List<User> users) {}

  /**
   * What the store says of one token id.
   *
   * @param id the id
   * @param token the token's metadata, if the tenant has a token of that id
   * @param revoked whether the tenant holds a revocation of the id in force
   */
  public record WatchedToken(TokenId id, Optional<Token> token, boolean revoked) {}

  /** Reads the governance data of the existing tenant {@code tenant}, watching {@code watched}. */
  public static GovernanceSnapshot read(
      CatalogStore store, TenantId tenant, Collection<TokenId> watched) {
    List<UserSnapshot> users = new ArrayList<>();
    for (User user : PagedReads.all(page -> store.users().list(tenant, page))) {
      users.add(
          new UserSnapshot(
              user,
              List.copyOf(
                  PagedReads.all(page -> store.roles().listUserRoles(tenant, user.id(), page))),
              List.copyOf(
                  PagedReads.all(
                      page -> store.permissions().listUserPermissions(tenant, user.id(), page))),
              List.copyOf(
                  PagedReads.all(
                      page -> store.tokens().listActiveForUser(tenant, user.id(), page)))));
    }
    List<RoleSnapshot> roles = new ArrayList<>();
    for (Role role : PagedReads.all(page -> store.roles().list(tenant, page))) {
      roles.add(
          new RoleSnapshot(
              role,
              List.copyOf(
                  PagedReads.all(page -> store.roles().listRoleUsers(tenant, role.id(), page)))));
    }
    List<WatchedToken> watchedTokens = new ArrayList<>();
    for (TokenId id : new LinkedHashSet<>(watched)) {
      watchedTokens.add(
          new WatchedToken(
              id,
              await(store.tokens().get(tenant, id)),
              await(store.tokens().isRevoked(tenant, id))));
    }
    return new GovernanceSnapshot(
        List.copyOf(users),
        List.copyOf(roles),
        List.copyOf(PagedReads.all(page -> store.permissions().list(tenant, page))),
        List.copyOf(PagedReads.all(page -> store.serviceUsers().list(tenant, page))),
        List.copyOf(PagedReads.all(page -> store.tokens().listActive(tenant, page))),
        List.copyOf(watchedTokens));
  }

  /**
   * This snapshot without the grants naming the catalog {@code name}, in roles and in direct and
   * effective permissions: what remains after the catalog is deleted. A role keeps its {@code
   * updatedAt}: losing a grant to a catalog's deletion is not a change of the role.
   */
  public GovernanceSnapshot withoutCatalog(String name) {
    return new GovernanceSnapshot(
        users.stream()
            .map(
                u ->
                    new UserSnapshot(
                        u.user(),
                        u.roles().stream().map(r -> withoutCatalog(r, name)).toList(),
                        u.permissions().stream().filter(p -> !names(p.grant(), name)).toList(),
                        u.activeTokens()))
            .toList(),
        roles.stream()
            .map(r -> new RoleSnapshot(withoutCatalog(r.role(), name), r.users()))
            .toList(),
        permissions.stream().filter(p -> !names(p.grant(), name)).toList(),
        serviceUsers,
        activeTokens,
        watchedTokens);
  }

  private static Role withoutCatalog(Role role, String name) {
    Set<Grant> kept =
        role.grants().stream()
            .filter(g -> !names(g, name))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    return new Role(
        role.id(),
        role.tenant(),
        role.name(),
        role.description(),
        kept,
        role.createdAt(),
        role.updatedAt());
  }

  private static boolean names(Grant grant, String catalog) {
    return GrantRules.catalogOf(grant.scope()).filter(catalog::equals).isPresent();
  }
}
