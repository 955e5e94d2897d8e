package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;

/**
 * The "does not exist" failures the areas share, worded in one place and typed with what is
 * missing. Each message names only what the caller supplied, never anything of another tenant.
 */
final class Errors {
  private Errors() {}

  static NotFoundException tenantNotFound(TenantId tenant) {
    return new NotFoundException(ObjectType.TENANT, "tenant " + tenant + " does not exist");
  }

  static NotFoundException warehouseNotFound(String warehouse) {
    return new NotFoundException(
        ObjectType.WAREHOUSE, "warehouse '" + warehouse + "' does not exist");
  }

  static NotFoundException catalogNotFound(String catalog) {
    return new NotFoundException(ObjectType.CATALOG, "catalog '" + catalog + "' does not exist");
  }

  static NotFoundException branchNotFound(BranchRef branch) {
    return new NotFoundException(
        ObjectType.BRANCH,
        "branch '" + branch.branch() + "' of catalog '" + branch.catalog() + "' does not exist");
  }

  static NotFoundException namespaceNotFound(String catalog, NamespacePath path) {
    return new NotFoundException(
        ObjectType.NAMESPACE, "namespace " + path + " does not exist in catalog '" + catalog + "'");
  }

  static NotFoundException assetNotFound(AssetRef asset) {
    return new NotFoundException(ObjectType.ASSET, "asset " + asset + " does not exist");
  }
}
