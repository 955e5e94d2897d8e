package dev.catalogstore.api.asset;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;

/**
 * The coordinates of an asset: catalog, branch, namespace and name, as one value.
 *
 * @param branch the catalog and branch the asset lives on
 * @param namespace the namespace it lives in (never the root)
 * @param name its name, unique within the namespace on that branch
 */
public record AssetRef(BranchRef branch, NamespacePath namespace, String name) {
  /** An asset on branch {@code main} of {@code catalog}. */
  public static AssetRef onMain(String catalog, NamespacePath namespace, String name) {
    return new AssetRef(BranchRef.main(catalog), namespace, name);
  }

  /** An asset in {@code namespace} on its catalog's branch {@code main}. */
  public static AssetRef onMain(NamespaceRef namespace, String name) {
    return onMain(namespace.catalog(), namespace.path(), name);
  }

  /** The catalog's name. */
  public String catalog() {
    return branch.catalog();
  }

  /** The namespace's address. */
  public NamespaceRef namespaceRef() {
    return new NamespaceRef(branch.catalog(), namespace);
  }

  /** The same asset name in another namespace of the same branch. */
  public AssetRef inNamespace(NamespacePath otherNamespace) {
    return new AssetRef(branch, otherNamespace, name);
  }

  /** Another name in the same namespace and branch. */
  public AssetRef withName(String otherName) {
    return new AssetRef(branch, namespace, otherName);
  }

  @Override
  public String toString() {
    return branch + ":" + namespace + ".\"" + name + "\"";
  }
}
