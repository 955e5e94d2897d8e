package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The store's {@link NotFoundException}s, one wording per kind of thing, and the diagnostic that
 * says which thing along an address is missing.
 *
 * <p>A statement that acts on a thing finds it and its parents by joins, so when it matches nothing
 * it cannot say which of them is missing. Only then, on the failure path, a diagnostic query reads
 * one row with a boolean column {@code <type>_found} (for example {@code catalog_found}) per part
 * of the address, and {@link #outermost} names the outermost part that is missing, as the contract
 * asks: a missing tenant before its catalog, a catalog before its branch, a branch before its
 * namespace, a namespace before its asset.
 */
public final class NotFound {
  private NotFound() {}

  /**
   * The first of {@code path} (outermost first) whose {@code <type>_found} column in {@code row} is
   * false; empty if all are found.
   */
  public static Optional<ObjectType> outermost(ResultSet row, ObjectType... path)
      throws SQLException {
    for (ObjectType type : path) {
      if (!row.getBoolean(type.name().toLowerCase(Locale.ROOT) + "_found")) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  public static NotFoundException tenant(TenantId tenant) {
    return new NotFoundException(ObjectType.TENANT, "tenant " + tenant + " does not exist");
  }

  public static NotFoundException warehouse(String name) {
    return new NotFoundException(ObjectType.WAREHOUSE, "warehouse '" + name + "' does not exist");
  }

  public static NotFoundException catalog(String name) {
    return new NotFoundException(ObjectType.CATALOG, "catalog '" + name + "' does not exist");
  }

  /** The part {@code missing} of the address of namespace {@code namespace}. */
  public static NotFoundException along(
      ObjectType missing, TenantId tenant, NamespaceRef namespace) {
    return switch (missing) {
      case TENANT -> tenant(tenant);
      case CATALOG -> catalog(namespace.catalog());
      case NAMESPACE ->
          new NotFoundException(ObjectType.NAMESPACE, "namespace " + namespace + " does not exist");
      default ->
          throw new IllegalArgumentException("not part of a namespace's address: " + missing);
    };
  }

  /** The part {@code missing} of the place of a list of assets: a namespace on a branch. */
  public static NotFoundException along(
      ObjectType missing, TenantId tenant, BranchRef branch, NamespacePath namespace) {
    NamespaceRef namespaceRef = new NamespaceRef(branch.catalog(), namespace);
    return switch (missing) {
      case BRANCH ->
          new NotFoundException(ObjectType.BRANCH, "branch " + branch + " does not exist");
      case NAMESPACE ->
          new NotFoundException(
              ObjectType.NAMESPACE,
              "namespace " + namespaceRef + " does not exist on branch " + branch);
      default -> along(missing, tenant, namespaceRef);
    };
  }

  /** The part {@code missing} of the address of asset {@code asset}. */
  public static NotFoundException along(ObjectType missing, TenantId tenant, AssetRef asset) {
    return missing == ObjectType.ASSET
        ? new NotFoundException(ObjectType.ASSET, "asset " + asset + " does not exist")
        : along(missing, tenant, asset.branch(), asset.namespace());
  }
}
