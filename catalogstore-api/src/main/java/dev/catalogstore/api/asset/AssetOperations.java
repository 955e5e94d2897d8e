package dev.catalogstore.api.asset;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Assets: tables, views, files and models, living in a namespace on a branch of a catalog.
 *
 * <p>A missing catalog, branch or namespace in an asset's coordinates is a {@code
 * NotFoundException} for writes; reads of a missing asset return empty.
 */
public interface AssetOperations {
  /**
   * Creates an asset with a fresh id. Its namespace must exist ({@code NotFoundException}); an
   * asset of that name on that branch and namespace is an {@code AlreadyExistsException}, never
   * overwritten. An initial metadata location becomes history entry 1.
   */
  CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request);

  /** Reads an asset by its coordinates; empty if it does not exist in the tenant. */
  CompletableFuture<Optional<Asset>> getAsset(TenantId tenant, AssetRef asset);

  /**
   * Reads an asset by id, with the coordinates where it lives now; empty if the tenant has no
   * asset of that id.
   */
  CompletableFuture<Optional<Asset>> getAssetById(TenantId tenant, AssetId id);

  /**
   * Lists the assets directly in {@code namespace} on {@code branch}, by name in code-point
   * order, keyset-paged. Fails with {@code NotFoundException} if the catalog, branch or namespace
   * does not exist.
   */
  CompletableFuture<Page<Asset>> listAssets(
      TenantId tenant, BranchRef branch, NamespacePath namespace, PageRequest page);

  /**
   * Moves an asset to new coordinates on the same catalog and branch, possibly in another
   * namespace, keeping its id, properties and history. Fails with {@code
   * InvalidArgumentException} on {@code to.branch} if {@code to} is on another catalog or branch,
   * {@code NotFoundException} if the asset or the target namespace does not exist, {@code
   * AlreadyExistsException} if the target is taken.
   */
  CompletableFuture<Asset> renameAsset(TenantId tenant, AssetRef from, AssetRef to);

  /** Sets and removes property keys atomically and returns the result. */
  CompletableFuture<Asset> updateAssetProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update);

  /** Deletes an asset and its history. Fails with {@code NotFoundException} if it is absent. */
  CompletableFuture<Void> deleteAsset(TenantId tenant, AssetRef asset);

  /**
   * Atomically replaces the asset's metadata location if, and only if, it equals {@code
   * commit.expected()} (empty expected: the asset has none yet), appends the new location to the
   * asset's history, and returns the updated asset.
   *
   * <p>Of any number of concurrent commits holding the same expected location, exactly one
   * succeeds. A lost compare-and-set fails with {@code ConflictException} whose {@code
   * currentValue()} is the location stored now; a missing asset fails with {@code
   * NotFoundException}, never with a conflict.
   *
   * <p>After an {@code UnavailableException} the commit may have landed without its reply: a
   * retry then fails with a conflict whose current value is the caller's own {@code next}, which
   * means the commit succeeded (see {@link dev.catalogstore.api.error.UnavailableException}).
   */
  CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit);

  /**
   * Lists the asset's committed metadata locations, newest first (descending sequence),
   * keyset-paged. Fails with {@code NotFoundException} if the asset does not exist.
   */
  CompletableFuture<Page<MetadataLocation>> listMetadataHistory(
      TenantId tenant, AssetRef asset, PageRequest page);
}
