package dev.catalogstore.api.spi;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Permission resolution of DESIGN §2.8, decided once for every backend and service as a pure
 * function over the grants a store lists for a user (direct and role-derived alike): does the user
 * hold an action on a resource? The resource is the most specific {@link PermissionScope} acted on.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>Tenants first: a grant applies only to resources of its own tenant. Another tenant's grant
 *       never matches, whatever else it names; the system tenant is no exception (what a root user
 *       may do is decided by its role kind, not here).
 *   <li>Containment: a tenant contains everything of that tenant; a catalog contains its
 *       namespaces, their descendants, the assets in them (on every branch) and its tags; a
 *       namespace contains its descendant namespaces, by whole segments, and the assets in any of
 *       them; an asset and a tag contain only themselves. A scope contains itself.
 *   <li>Names compare exactly: no case folding, no Unicode normalisation, no splitting on dots.
 *   <li>Actions: a grant allows the actions it lists, and every action if it lists {@link
 *       Action#ALL}. No other action implies another ({@code READ} does not give {@code LIST}).
 *   <li>Deny by default: with no matching grant, nothing is allowed.
 *   <li>Fail closed: a grant that is malformed (a {@code null} grant, scope, scope component or
 *       actions set, or a namespace scope on a catalog's root) matches nothing, so a bad stored row
 *       can never widen access. A {@code null} element among a grant's actions is ignored: it
 *       allows nothing, and the grant's other actions still count.
 * </ul>
 *
 * <p>Cost: one pass over the grants, each checked in time proportional to the namespace depth.
 */
public final class PermissionResolver {
  private PermissionResolver() {}

  /**
   * Whether some grant's scope {@linkplain #contains contains} {@code resource} and its actions
   * include {@code action} or {@link Action#ALL}. Asking for {@code ALL} itself needs a grant of
   * {@code ALL}.
   *
   * @param grants the grants to decide from (a {@code null} element matches nothing)
   * @param action the action to check
   * @param resource the most specific thing acted on
   * @throws InvalidArgumentException if {@code resource} has a {@code null} component or is a
   *     namespace scope on a catalog's root (use the {@link CatalogScope} instead)
   */
  public static boolean allows(Collection<Grant> grants, Action action, PermissionScope resource) {
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(action, "action");
    checkResource(resource);
    for (Grant grant : grants) {
      if (grant != null
          && grant.actions() != null
          && (grant.actions().contains(action) || grant.actions().contains(Action.ALL))
          && contains(grant.scope(), resource)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The actions held on {@code resource}: the union of the actions of every grant whose scope
   * contains it. When one of them is {@link Action#ALL}, every action is returned ({@code ALL}
   * included), so that for every action {@code a}, {@code effective(grants, r).contains(a) ==
   * allows(grants, a, r)}.
   *
   * @param grants the grants to decide from (a {@code null} element matches nothing)
   * @param resource the thing acted on
   * @return an unmodifiable set, iterated in declaration order of {@link Action}; empty when
   *     nothing is held
   * @throws InvalidArgumentException as {@link #allows} does
   */
  public static Set<Action> effective(Collection<Grant> grants, PermissionScope resource) {
    Objects.requireNonNull(grants, "grants");
    checkResource(resource);
    EnumSet<Action> held = EnumSet.noneOf(Action.class);
    for (Grant grant : grants) {
      if (grant != null && grant.actions() != null && contains(grant.scope(), resource)) {
        for (Action action : grant.actions()) {
          if (action != null) {
            held.add(action);
          }
        }
      }
    }
    return Collections.unmodifiableSet(
        held.contains(Action.ALL) ? EnumSet.allOf(Action.class) : held);
  }

  /**
   * Whether {@code scope} contains {@code resource} under the rules above: same tenant, and the
   * resource is the scope itself or lies below it. False when either is malformed.
   *
   * @param scope a grant's scope
   * @param resource the thing acted on
   */
  public static boolean contains(PermissionScope scope, PermissionScope resource) {
    if (!isWellFormed(scope) || !isWellFormed(resource)) {
      return false;
    }
    if (!scope.tenant().equals(resource.tenant())) {
      return false;
    }
    if (scope instanceof TenantScope) {
      return true;
    }
    if (scope instanceof CatalogScope catalog) {
      return catalogOf(resource).filter(catalog.catalog()::equals).isPresent();
    }
    if (scope instanceof NamespaceScope namespace) {
      return catalogOf(resource).filter(namespace.catalog()::equals).isPresent()
          && namespaceOf(resource).filter(namespace.namespace()::contains).isPresent();
    }
    // An asset or a tag contains only itself.
    return scope.equals(resource);
  }

  /** The catalog a resource lies in; none for a whole tenant. */
  private static Optional<String> catalogOf(PermissionScope resource) {
    if (resource instanceof CatalogScope catalog) {
      return Optional.of(catalog.catalog());
    }
    if (resource instanceof NamespaceScope namespace) {
      return Optional.of(namespace.catalog());
    }
    if (resource instanceof AssetScope asset) {
      return Optional.of(asset.catalog());
    }
    if (resource instanceof TagScope tag) {
      return Optional.of(tag.catalog());
    }
    return Optional.empty();
  }

  /** The namespace a resource is or lies in; none for a tenant, a catalog or a tag. */
  private static Optional<NamespacePath> namespaceOf(PermissionScope resource) {
    if (resource instanceof NamespaceScope namespace) {
      return Optional.of(namespace.namespace());
    }
    if (resource instanceof AssetScope asset) {
      return Optional.of(asset.namespace());
    }
    return Optional.empty();
  }

  private static void checkResource(PermissionScope resource) {
    if (!isWellFormed(resource)) {
      throw new InvalidArgumentException(
          "resource",
          "must name its tenant and every component without null, and a namespace other than the"
              + " root: "
              + resource);
    }
  }

  private static boolean isWellFormed(PermissionScope scope) {
    if (scope == null || scope.tenant() == null) {
      return false;
    }
    if (scope instanceof TenantScope) {
      return true;
    }
    if (scope instanceof CatalogScope catalog) {
      return catalog.catalog() != null;
    }
    if (scope instanceof NamespaceScope namespace) {
      return namespace.catalog() != null
          && isPath(namespace.namespace())
          && !namespace.namespace().isRoot();
    }
    if (scope instanceof AssetScope asset) {
      return asset.catalog() != null
          && isPath(asset.namespace())
          && !asset.namespace().isRoot()
          && asset.name() != null;
    }
    TagScope tag = (TagScope) scope;
    return tag.catalog() != null && tag.tag() != null;
  }

  private static boolean isPath(NamespacePath path) {
    return path != null && path.segments() != null && !path.segments().contains(null);
  }
}
