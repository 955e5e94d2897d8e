package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.Inputs.description;
import static dev.catalogstore.api.spi.Inputs.email;
import static dev.catalogstore.api.spi.Inputs.instant;
import static dev.catalogstore.api.spi.Inputs.message;
import static dev.catalogstore.api.spi.Inputs.name;
import static dev.catalogstore.api.spi.Inputs.namespacePath;
import static dev.catalogstore.api.spi.Inputs.required;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserUpdate;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Validation of the governance requests (users, roles, permissions, service users, tokens), shared
 * by every backend as {@link Requests} is for the catalog's. Each method takes the parameter's name
 * as {@code field} and names nested parts {@code field.part}. Nothing here reads the store: whether
 * a grant's catalog exists is the backend's to check, through {@link GrantRules}.
 */
public final class GovernanceRequests {
  /** The most grants a role may hold. */
  public static final int MAX_GRANTS = 1000;

  private GovernanceRequests() {}

  /** A new user of {@code tenant}: its username, optional email and display name, and kind. */
  public static NewUser newUser(TenantId tenant, NewUser user, String field) {
    required(user, field);
    name(user.username(), field + ".username");
    required(user.email(), field + ".email").ifPresent(e -> email(e, field + ".email"));
    required(user.displayName(), field + ".displayName")
        .ifPresent(d -> name(d, field + ".displayName"));
    roleKind(tenant, user.roleKind(), field + ".roleKind");
    return user;
  }

  /** A change to a user of {@code tenant}. */
  public static UserUpdate userUpdate(TenantId tenant, UserUpdate update, String field) {
    required(update, field);
    update.email().ifPresent(e -> email(e, field + ".email"));
    update.displayName().ifPresent(d -> name(d, field + ".displayName"));
    update.roleKind().ifPresent(kind -> roleKind(tenant, kind, field + ".roleKind"));
    return update;
  }

  /** A new role: its name, description and grants. */
  public static NewRole newRole(NewRole role, String field) {
    required(role, field);
    name(role.name(), field + ".name");
    description(role.description(), field + ".description");
    grants(role.grants(), field + ".grants");
    return role;
  }

  /** A change to a role; its grants, when replaced, are checked as a new role's are. */
  public static RoleUpdate roleUpdate(RoleUpdate update, String field) {
    required(update, field);
    update.name().ifPresent(n -> name(n, field + ".name"));
    update.description().ifPresent(d -> description(d, field + ".description"));
    if (update.replacesGrants()) {
      grants(update.grants(), field + ".grants");
    }
    return update;
  }

  /**
   * A set of grants: at most {@value #MAX_GRANTS}, each {@linkplain #grant valid}, named {@code
   * field[i]} in the set's iteration order.
   */
  public static Set<Grant> grants(Set<Grant> grants, String field) {
    required(grants, field);
    if (grants.size() > MAX_GRANTS) {
      throw new InvalidArgumentException(field, "holds more than " + MAX_GRANTS + " grants");
    }
    int i = 0;
    for (Grant grant : grants) {
      grant(grant, field + "[" + i++ + "]");
    }
    return grants;
  }

  /**
   * A grant: a scope with its tenant and valid names ({@code field.scope.tenant}, {@code
   * .scope.catalog}, {@code .scope.namespace} (not the root), {@code .scope.name}, {@code
   * .scope.tag}), and a non-empty set of actions without {@code null} ({@code field.actions}).
   */
  public static Grant grant(Grant grant, String field) {
    required(grant, field);
    scope(grant.scope(), field + ".scope");
    Set<Action> actions = required(grant.actions(), field + ".actions");
    if (actions.isEmpty()) {
      throw new InvalidArgumentException(field + ".actions", "must hold at least one action");
    }
    if (actions.contains(null)) {
      throw new InvalidArgumentException(field + ".actions", "must not hold null");
    }
    return grant;
  }

  /** A permission scope with its tenant and every name valid. */
  public static PermissionScope scope(PermissionScope scope, String field) {
    required(scope, field);
    required(scope.tenant(), field + ".tenant");
    if (scope instanceof CatalogScope catalog) {
      name(catalog.catalog(), field + ".catalog");
    } else if (scope instanceof NamespaceScope namespace) {
      name(namespace.catalog(), field + ".catalog");
      namespacePath(namespace.namespace(), field + ".namespace");
    } else if (scope instanceof AssetScope asset) {
      name(asset.catalog(), field + ".catalog");
      namespacePath(asset.namespace(), field + ".namespace");
      name(asset.name(), field + ".name");
    } else if (scope instanceof TagScope tag) {
      name(tag.catalog(), field + ".catalog");
      name(tag.tag(), field + ".tag");
    }
    return scope;
  }

  /** A new service user of {@code tenant}; returns its expiry truncated to microseconds. */
  public static Optional<Instant> newServiceUser(
      TenantId tenant, NewServiceUser serviceUser, String field) {
    required(serviceUser, field);
    name(serviceUser.name(), field + ".name");
    description(serviceUser.description(), field + ".description");
    roleKind(tenant, serviceUser.roleKind(), field + ".roleKind");
    apiKeyHash(serviceUser.apiKeyHash(), field + ".apiKeyHash");
    return required(serviceUser.expiresAt(), field + ".expiresAt")
        .map(at -> instant(at, field + ".expiresAt"));
  }

  /** A change to a service user of {@code tenant}; returns its new expiry, truncated, if set. */
  public static Optional<Instant> serviceUserUpdate(
      TenantId tenant, ServiceUserUpdate update, String field) {
    required(update, field);
    update.name().ifPresent(n -> name(n, field + ".name"));
    update.description().ifPresent(d -> description(d, field + ".description"));
    update.roleKind().ifPresent(kind -> roleKind(tenant, kind, field + ".roleKind"));
    return update.expiresAt().map(at -> instant(at, field + ".expiresAt"));
  }

  /** An API key digest: lowercase hex of 32 to 64 bytes (see {@link SecretDigests}). */
  public static ApiKeyHash apiKeyHash(ApiKeyHash hash, String field) {
    required(hash, field);
    digest(hash.hex(), field);
    return hash;
  }

  /** A token digest: lowercase hex of 32 to 64 bytes (see {@link SecretDigests}). */
  public static TokenHash tokenHash(TokenHash hash, String field) {
    required(hash, field);
    digest(hash.hex(), field);
    return hash;
  }

  /** A token to record; returns its expiry truncated to microseconds. */
  public static Instant newToken(NewToken token, String field) {
    required(token, field);
    tokenId(token.id(), field + ".id");
    required(token.user(), field + ".user");
    tokenHash(token.hash(), field + ".hash");
    return instant(token.expiresAt(), field + ".expiresAt");
  }

  /**
   * A token id given to be recorded or revoked: not the nil UUID, which sorts before every id and
   * serves the lists ordered by id as their start.
   */
  public static TokenId tokenId(TokenId id, String field) {
    required(id, field);
    if (id.value().getMostSignificantBits() == 0 && id.value().getLeastSignificantBits() == 0) {
      throw new InvalidArgumentException(field, "must not be the nil UUID");
    }
    return id;
  }

  /** A revocation's reason and expiry; returns the expiry truncated to microseconds. */
  public static Instant revocation(String reason, Instant expiresAt) {
    message(reason, "reason");
    return instant(expiresAt, "expiresAt");
  }

  /** A role kind given to a user or service user of {@code tenant}: {@code ROOT} only in system. */
  public static RoleKind roleKind(TenantId tenant, RoleKind kind, String field) {
    required(kind, field);
    if (kind == RoleKind.ROOT && !tenant.isSystem()) {
      throw new InvalidArgumentException(field, "ROOT is allowed only in the system tenant");
    }
    return kind;
  }

  private static void digest(String hex, String field) {
    if (!SecretDigests.isDigest(hex)) {
      // Never echo the value: it is a digest of a secret.
      throw new InvalidArgumentException(
          field,
          "must be "
              + SecretDigests.MIN_HEX_DIGITS
              + " to "
              + SecretDigests.MAX_HEX_DIGITS
              + " lowercase hex digits, an even number (for example SHA-256 of the secret)");
    }
  }
}
