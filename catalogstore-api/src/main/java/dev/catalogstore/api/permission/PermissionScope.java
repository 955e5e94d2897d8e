package dev.catalogstore.api.permission;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;

/**
 * What a {@link Grant} applies to, and equally the resource an action is checked on (the most
 * specific thing acted on: an asset to read it, its namespace to create an asset in it, a catalog
 * to create a branch). Every scope carries its tenant: a scope never reaches across tenants.
 *
 * <p>Scopes nest: a tenant contains everything of that tenant; a catalog contains its namespaces,
 * their descendants, the assets in them and the catalog's tags; a namespace contains its descendant
 * namespaces (by whole segments) and the assets in them; an asset and a tag contain only
 * themselves. Scopes name no branch: a grant on a catalog, namespace or asset holds on every branch
 * of the catalog. {@link dev.catalogstore.api.spi.PermissionResolver} decides containment; names
 * compare exactly, without case folding or Unicode normalisation.
 *
 * <p>Like other input records, scopes keep {@code null} components so that the store's validation
 * can name them; a grant whose scope has one matches nothing.
 */
public sealed interface PermissionScope
    permits PermissionScope.TenantScope,
        PermissionScope.CatalogScope,
        PermissionScope.NamespaceScope,
        PermissionScope.AssetScope,
        PermissionScope.TagScope {
  /** The tenant this scope belongs to. */
  TenantId tenant();

  /**
   * A whole tenant: everything it holds, and tenant-wide actions such as {@link
   * Action#MANAGE_USERS}.
   *
   * @param tenant the tenant
   */
  record TenantScope(TenantId tenant) implements PermissionScope {}

  /**
   * A catalog of the tenant, with its namespaces, assets (on every branch) and tags.
   *
   * @param tenant the tenant that owns the catalog
   * @param catalog the catalog's name
   */
  record CatalogScope(TenantId tenant, String catalog) implements PermissionScope {}

  /**
   * A namespace, its descendant namespaces and the assets in any of them, on every branch of the
   * catalog. {@code ["a"]} contains {@code ["a", "b"]}, never {@code ["ab"]} nor {@code ["a.b"]}.
   *
   * @param tenant the tenant that owns the catalog
   * @param catalog the catalog's name
   * @param namespace the namespace's path (never {@link NamespacePath#ROOT}: the whole catalog is a
   *     {@link CatalogScope}; a grant on the root matches nothing)
   */
  record NamespaceScope(TenantId tenant, String catalog, NamespacePath namespace)
      implements PermissionScope {
    /** The scope of the namespace {@code namespace} of {@code tenant}. */
    public static NamespaceScope of(TenantId tenant, NamespaceRef namespace) {
      return new NamespaceScope(tenant, namespace.catalog(), namespace.path());
    }
  }

  /**
   * One asset, by catalog, namespace and name, on every branch of its catalog; it contains nothing
   * else (not its siblings, not its namespace).
   *
   * @param tenant the tenant that owns the catalog
   * @param catalog the catalog's name
   * @param namespace the path of the namespace the asset lives in
   * @param name the asset's name
   */
  record AssetScope(TenantId tenant, String catalog, NamespacePath namespace, String name)
      implements PermissionScope {
    /** The scope of the asset at {@code asset} of {@code tenant}; its branch is not kept. */
    public static AssetScope of(TenantId tenant, AssetRef asset) {
      return new AssetScope(tenant, asset.catalog(), asset.namespace(), asset.name());
    }
  }

  /**
   * One tag of a catalog; it contains only itself, not the commit it names nor the assets there.
   *
   * @param tenant the tenant that owns the catalog
   * @param catalog the catalog's name
   * @param tag the tag's name
   */
  record TagScope(TenantId tenant, String catalog, String tag) implements PermissionScope {}
}
