package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tag.TagRef;

/**
 * Every backend's {@link AlreadyExistsException}s, one wording per kind of thing, whether the
 * backend finds the key taken by reading or by a unique constraint.
 */
public final class Taken {
  private Taken() {}

  /** Tenant names are unique across the store. */
  public static AlreadyExistsException tenantName(String name) {
    return new AlreadyExistsException("a tenant named '" + name + "' already exists");
  }

  public static AlreadyExistsException warehouse(String name) {
    return new AlreadyExistsException("warehouse '" + name + "' already exists");
  }

  public static AlreadyExistsException catalog(String name) {
    return new AlreadyExistsException("catalog '" + name + "' already exists");
  }

  public static AlreadyExistsException namespace(NamespaceRef namespace) {
    return new AlreadyExistsException("namespace " + namespace + " already exists");
  }

  /** The asset key is taken: by a create, or as the target of a rename. */
  public static AlreadyExistsException asset(AssetRef asset) {
    return new AlreadyExistsException("asset " + asset + " already exists");
  }

  public static AlreadyExistsException branch(BranchRef branch) {
    return new AlreadyExistsException(
        "branch '" + branch.branch() + "' of catalog '" + branch.catalog() + "' already exists");
  }

  public static AlreadyExistsException tag(TagRef tag) {
    return new AlreadyExistsException(
        "tag '" + tag.tag() + "' of catalog '" + tag.catalog() + "' already exists");
  }
}
