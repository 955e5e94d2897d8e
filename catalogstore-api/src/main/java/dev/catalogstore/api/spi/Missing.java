package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;

/**
 * Every backend's {@link NotFoundException}s: one wording and one {@link ObjectType} per kind of
 * thing, so that a missing branch reads the same whatever the backend. Each message names only what
 * the caller supplied, never anything of another tenant.
 *
 * <p>The {@code along} methods turn "this part of an address is missing" (for example found by a
 * backend's diagnostic read) into the failure for that part, so a backend decides only which part
 * is missing, never how to say it.
 */
public final class Missing {
  private Missing() {}

  public static NotFoundException tenant(TenantId tenant) {
    return new NotFoundException(ObjectType.TENANT, "tenant " + tenant + " does not exist");
  }

  public static NotFoundException warehouse(String name) {
    return new NotFoundException(ObjectType.WAREHOUSE, "warehouse '" + name + "' does not exist");
  }

  public static NotFoundException catalog(String name) {
    return new NotFoundException(ObjectType.CATALOG, "catalog '" + name + "' does not exist");
  }

  public static NotFoundException branch(BranchRef branch) {
    return new NotFoundException(
        ObjectType.BRANCH,
        "branch '" + branch.branch() + "' of catalog '" + branch.catalog() + "' does not exist");
  }

  /** Namespaces belong to a catalog (not to a branch), so the message names the catalog. */
  public static NotFoundException namespace(NamespaceRef namespace) {
    return new NotFoundException(
        ObjectType.NAMESPACE,
        "namespace "
            + namespace.path()
            + " does not exist in catalog '"
            + namespace.catalog()
            + "'");
  }

  public static NotFoundException asset(AssetRef asset) {
    return new NotFoundException(ObjectType.ASSET, "asset " + asset + " does not exist");
  }

  /** A commit id that is not a commit of {@code catalog} (it may be one of another catalog). */
  public static NotFoundException commit(String catalog, CommitId id) {
    return new NotFoundException(
        ObjectType.COMMIT, "commit " + id + " does not exist in catalog '" + catalog + "'");
  }

  public static NotFoundException tag(TagRef tag) {
    return new NotFoundException(
        ObjectType.TAG,
        "tag '" + tag.tag() + "' of catalog '" + tag.catalog() + "' does not exist");
  }

  /**
   * The part {@code missing} (tenant, catalog, or the branch, tag or commit itself) of what {@code
   * ref} names.
   */
  public static NotFoundException along(ObjectType missing, TenantId tenant, CommitRef ref) {
    return switch (missing) {
      case TENANT -> tenant(tenant);
      case CATALOG -> catalog(ref.catalog());
      case BRANCH -> branch(((CommitRef.Head) ref).branch());
      case TAG -> tag(((CommitRef.Tagged) ref).tag());
      case COMMIT -> commit(ref.catalog(), ((CommitRef.ById) ref).id());
      default ->
          throw new InternalStoreException(
              "a backend asked for " + missing + ", which is not part of a commit reference", null);
    };
  }

  /**
   * The part {@code missing} (tenant, catalog or namespace) of the address of {@code namespace}.
   */
  public static NotFoundException along(
      ObjectType missing, TenantId tenant, NamespaceRef namespace) {
    return switch (missing) {
      case TENANT -> tenant(tenant);
      case CATALOG -> catalog(namespace.catalog());
      case NAMESPACE -> namespace(namespace);
      default ->
          throw new InternalStoreException(
              "a backend asked for " + missing + ", which is not part of a namespace's address",
              null);
    };
  }

  /**
   * The part {@code missing} (tenant, catalog, branch or namespace) of the place of assets: {@code
   * namespace} on {@code branch}.
   */
  public static NotFoundException along(
      ObjectType missing, TenantId tenant, BranchRef branch, NamespacePath namespace) {
    return missing == ObjectType.BRANCH
        ? branch(branch)
        : along(missing, tenant, new NamespaceRef(branch.catalog(), namespace));
  }

  /** The part {@code missing} of the address of {@code asset}, the asset itself included. */
  public static NotFoundException along(ObjectType missing, TenantId tenant, AssetRef asset) {
    return missing == ObjectType.ASSET
        ? asset(asset)
        : along(missing, tenant, asset.branch(), asset.namespace());
  }

  public static NotFoundException user(UserId user) {
    return new NotFoundException(ObjectType.USER, "user " + user + " does not exist");
  }

  public static NotFoundException role(RoleId role) {
    return new NotFoundException(ObjectType.ROLE, "role " + role + " does not exist");
  }

  public static NotFoundException serviceUser(ServiceUserId serviceUser) {
    return new NotFoundException(
        ObjectType.SERVICE_USER, "service user " + serviceUser + " does not exist");
  }
}
