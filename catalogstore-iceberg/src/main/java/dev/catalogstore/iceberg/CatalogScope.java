package dev.catalogstore.iceberg;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Arrays;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Where an Iceberg catalog lives in a store: one tenant, one store catalog, one branch. Iceberg's
 * namespaces are the store catalog's namespaces level for level (a level may hold dots); tables and
 * views are assets on the branch.
 *
 * @param store the store
 * @param tenant the tenant owning the catalog
 * @param branch the store catalog and the branch read and committed to
 */
record CatalogScope(CatalogStore store, TenantId tenant, BranchRef branch) {

  /** The store path of an Iceberg namespace; {@link NamespacePath#ROOT} for the empty one. */
  static NamespacePath path(Namespace namespace) {
    return new NamespacePath(Arrays.asList(namespace.levels()));
  }

  /** The Iceberg namespace of a store path. */
  static Namespace namespace(NamespacePath path) {
    return Namespace.of(path.segments().toArray(String[]::new));
  }

  /** The store address of an Iceberg namespace in this catalog. */
  NamespaceRef namespaceRef(Namespace namespace) {
    return new NamespaceRef(branch.catalog(), path(namespace));
  }

  /** The store coordinates of an Iceberg table or view on this branch. */
  AssetRef asset(TableIdentifier identifier) {
    return new AssetRef(branch, path(identifier.namespace()), identifier.name());
  }

  /** The Iceberg identifier of an asset. */
  static TableIdentifier identifier(AssetRef asset) {
    return TableIdentifier.of(namespace(asset.namespace()), asset.name());
  }
}
