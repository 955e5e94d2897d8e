package dev.catalogstore.api.spi;

import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What every backend decides alike about a stored grant, on grants {@link GovernanceRequests}
 * validated: which tenant and catalog it must belong to, its canonical key (equal grants, equal
 * keys), and the stable id of a role's grant.
 */
public final class GrantRules {
  private GrantRules() {}

  /**
   * Checks that {@code grant} belongs to {@code tenant}; returns the catalog its scope names, which
   * the backend must find in {@code tenant} (else {@link Missing#catalog}), or empty for a tenant
   * scope.
   *
   * @throws dev.catalogstore.api.error.NotFoundException {@code TENANT} for a tenant scope of
   *     another tenant, {@code CATALOG} for any other scope of another tenant: exactly what the
   *     call would report for a thing that does not exist
   */
  public static Optional<String> catalogUnder(TenantId tenant, Grant grant) {
    PermissionScope scope = grant.scope();
    Optional<String> catalog = catalogOf(scope);
    if (!scope.tenant().equals(tenant)) {
      throw catalog.map(Missing::catalog).orElseGet(() -> Missing.tenant(scope.tenant()));
    }
    return catalog;
  }

  /** The catalog a scope names; empty for a tenant scope. */
  public static Optional<String> catalogOf(PermissionScope scope) {
    if (scope instanceof CatalogScope catalog) {
      return Optional.of(catalog.catalog());
    }
    if (scope instanceof NamespaceScope namespace) {
      return Optional.of(namespace.catalog());
    }
    if (scope instanceof AssetScope asset) {
      return Optional.of(asset.catalog());
    }
    if (scope instanceof TagScope tag) {
      return Optional.of(tag.catalog());
    }
    return Optional.empty();
  }

  /**
   * The canonical key of a valid grant: equal for two grants exactly when they allow the same: the
   * same scope, and the same set of actions, whatever order they were given in, where a set holding
   * {@link Action#ALL} counts as {@code {ALL}} alone (it allows everything either way). The tenant
   * is not part of it (a stored grant is always of its row's tenant). Every part is length-prefixed
   * and the number of namespace segments is a part of its own, so no name, however it is spelled,
   * can be mistaken for another part.
   */
  public static String key(Grant grant) {
    PermissionScope scope = grant.scope();
    List<String> parts = new ArrayList<>();
    if (scope instanceof TenantScope) {
      parts.add("tenant");
    } else if (scope instanceof CatalogScope catalog) {
      parts.add("catalog");
      parts.add(catalog.catalog());
    } else if (scope instanceof NamespaceScope namespace) {
      parts.add("namespace");
      parts.add(namespace.catalog());
      addPath(parts, namespace.namespace().segments());
    } else if (scope instanceof AssetScope asset) {
      parts.add("asset");
      parts.add(asset.catalog());
      addPath(parts, asset.namespace().segments());
      parts.add(asset.name());
    } else {
      TagScope tag = (TagScope) scope;
      parts.add("tag");
      parts.add(tag.catalog());
      parts.add(tag.tag());
    }
    StringBuilder actions = new StringBuilder();
    if (grant.actions().contains(Action.ALL)) {
      actions.append(Action.ALL.name());
    } else {
      for (Action action : Action.values()) {
        if (grant.actions().contains(action)) {
          actions.append(actions.length() == 0 ? "" : ",").append(action.name());
        }
      }
    }
    parts.add(actions.toString());
    StringBuilder key = new StringBuilder();
    for (String part : parts) {
      key.append(part.length()).append(':').append(part);
    }
    return key.toString();
  }

  private static void addPath(List<String> parts, List<String> segments) {
    parts.add(Integer.toString(segments.size()));
    parts.addAll(segments);
  }

  /**
   * The id of {@code grant} as a grant of {@code role}: a name-based UUID of the role's id and the
   * grant's {@linkplain #key key}, so it is the same every time the role holds that grant, and
   * different for every other role or grant.
   */
  public static PermissionId roleGrantId(RoleId role, Grant grant) {
    byte[] name = (role + "|" + key(grant)).getBytes(StandardCharsets.UTF_8);
    return new PermissionId(UUID.nameUUIDFromBytes(name));
  }
}
