package dev.catalogstore.api.asset;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The assets facet ({@code store.assets()}): tables, views, files and models, living in a namespace
 * on a branch of a catalog.
 *
 * <p>A missing catalog, branch or namespace in an asset's coordinates is a {@code
 * NotFoundException} for writes and lists, whose {@code missing()} says which of them is missing; a
 * get of a missing asset returns empty.
 *
 * <h2>Every change is a commit</h2>
 *
 * Each method that changes assets (create, rename, property update, delete, metadata commit, and a
 * multi-asset commit as a whole) appends exactly one commit to the asset's branch, with the
 * change's operations (each asset key's content before and after; a rename is a deletion of the old
 * key and a creation of the new one) and the given {@link CommitMeta}, and moves the branch's head
 * to it, in the same atomic step as the change: a change is never visible without its commit, nor a
 * commit without its change. A call that fails writes no commit. The overloads without a {@code
 * CommitMeta} record none. An invalid author or message fails with {@code InvalidArgumentException}
 * on {@code meta.author} or {@code meta.message}.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own asset; a retried
 * {@code rename} fails with {@code NotFoundException} (the old address is gone) or {@code
 * AlreadyExistsException} (the new one is taken) if it landed; {@code updateProperties} is safe to
 * apply again; a retried {@code delete} that fails with {@code NotFoundException} landed; a retried
 * metadata commit tells by its conflict, as {@link #commitMetadataLocation} says.
 */
public interface Assets {
  /**
   * Creates an asset with a fresh id. Its namespace must exist ({@code NotFoundException}); an
   * asset of that name on that branch and namespace is an {@code AlreadyExistsException}, never
   * overwritten. An initial metadata location becomes history entry 1.
   */
  default CompletableFuture<Asset> create(TenantId tenant, AssetRef asset, NewAsset request) {
    return create(tenant, asset, request, CommitMeta.NONE);
  }

  /**
   * Creates an asset like {@link #create(TenantId, AssetRef, NewAsset)}, recording {@code meta}.
   */
  CompletableFuture<Asset> create(
      TenantId tenant, AssetRef asset, NewAsset request, CommitMeta meta);

  /** Reads an asset by its coordinates; empty if it does not exist in the tenant. */
  CompletableFuture<Optional<Asset>> get(TenantId tenant, AssetRef asset);

  /**
   * Reads an asset by id, with the coordinates where it lives now; empty if the tenant has no asset
   * of that id.
   */
  CompletableFuture<Optional<Asset>> getById(TenantId tenant, AssetId id);

  /**
   * Lists the assets directly in {@code namespace} on {@code branch}, of every kind, by name in
   * code-point order, keyset-paged. Fails with {@code NotFoundException} if the catalog, branch or
   * namespace does not exist.
   */
  default CompletableFuture<Page<Asset>> list(
      TenantId tenant, BranchRef branch, NamespacePath namespace, PageRequest page) {
    return list(tenant, branch, namespace, EnumSet.allOf(AssetKind.class), page);
  }

  /**
   * Lists the assets directly in {@code namespace} on {@code branch} whose kind is one of {@code
   * kinds}, by name in code-point order, keyset-paged. Assets of other kinds are skipped by the
   * store, not by the caller: a page holds up to {@code page.limit()} matching assets. A page token
   * is bound to the set of kinds it was issued for. Fails with {@code InvalidArgumentException} on
   * {@code kinds} if it is null, empty or holds null, and with {@code NotFoundException} if the
   * catalog, branch or namespace does not exist.
   */
  CompletableFuture<Page<Asset>> list(
      TenantId tenant,
      BranchRef branch,
      NamespacePath namespace,
      Set<AssetKind> kinds,
      PageRequest page);

  /**
   * Moves an asset to new coordinates on the same catalog and branch, possibly in another
   * namespace, keeping its id, kind, location, metadata location, properties and history. Fails
   * with {@code InvalidArgumentException} on {@code to.branch} if {@code to} is on another catalog
   * or branch, {@code NotFoundException} if the asset or the target namespace does not exist,
   * {@code AlreadyExistsException} if the target is taken (also when it is {@code from} itself).
   */
  default CompletableFuture<Asset> rename(TenantId tenant, AssetRef from, AssetRef to) {
    return rename(tenant, from, to, AssetExpectation.ANY);
  }

  /**
   * Renames like {@link #rename(TenantId, AssetRef, AssetRef)}, but only if the asset at {@code
   * from} is still the one the caller read: every attribute {@code expected} names (id, kind,
   * metadata location) must hold, checked atomically with the rename. A mismatch fails with {@code
   * ConflictException} whose {@code currentValue()} is the stored value of the first attribute that
   * differs, and renames nothing.
   */
  default CompletableFuture<Asset> rename(
      TenantId tenant, AssetRef from, AssetRef to, AssetExpectation expected) {
    return rename(tenant, from, to, expected, CommitMeta.NONE);
  }

  /**
   * Renames like {@link #rename(TenantId, AssetRef, AssetRef, AssetExpectation)}, recording {@code
   * meta}.
   */
  CompletableFuture<Asset> rename(
      TenantId tenant, AssetRef from, AssetRef to, AssetExpectation expected, CommitMeta meta);

  /**
   * Sets and removes property keys atomically and returns the result; keys not named are kept.
   * Fails with {@code NotFoundException} if the asset does not exist.
   */
  default CompletableFuture<Asset> updateProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update) {
    return updateProperties(tenant, asset, update, CommitMeta.NONE);
  }

  /**
   * Updates properties like {@link #updateProperties(TenantId, AssetRef, PropertyUpdate)},
   * recording {@code meta}.
   */
  CompletableFuture<Asset> updateProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update, CommitMeta meta);

  /**
   * Deletes an asset and its metadata history. Fails with {@code NotFoundException} if it is
   * absent.
   */
  default CompletableFuture<Void> delete(TenantId tenant, AssetRef asset) {
    return delete(tenant, asset, AssetExpectation.ANY);
  }

  /**
   * Deletes an asset and its history only if it is still the one the caller read: every attribute
   * {@code expected} names (id, kind, metadata location) must hold, checked atomically with the
   * deletion, so a caller that read "table {@code t}" never drops a view that replaced it in
   * between. A mismatch fails with {@code ConflictException} whose {@code currentValue()} is the
   * stored value of the first attribute that differs, and deletes nothing; an absent asset is a
   * {@code NotFoundException}.
   */
  default CompletableFuture<Void> delete(
      TenantId tenant, AssetRef asset, AssetExpectation expected) {
    return delete(tenant, asset, expected, CommitMeta.NONE);
  }

  /** Deletes like {@link #delete(TenantId, AssetRef, AssetExpectation)}, recording {@code meta}. */
  CompletableFuture<Void> delete(
      TenantId tenant, AssetRef asset, AssetExpectation expected, CommitMeta meta);

  /**
   * Atomically replaces the asset's metadata location if, and only if, it equals {@code
   * commit.expected()} (empty expected: the asset has none yet), applies the commit's new {@code
   * location} and property changes in the same step, appends the new metadata location to the
   * asset's history, and returns the updated asset.
   *
   * <p>{@code next} must differ from {@code expected} ({@code InvalidArgumentException} on {@code
   * commit.next}). Of any number of concurrent commits holding the same expected location, exactly
   * one succeeds. A lost compare-and-set fails with {@code ConflictException} whose {@code
   * currentValue()} is the location stored now, and changes nothing (neither the location nor the
   * properties); a missing asset fails with {@code NotFoundException}, never with a conflict.
   *
   * <p>After an {@code UnavailableException} the commit may have landed without its reply: a retry
   * then fails with a conflict whose current value is the caller's own {@code next}, which means
   * the commit succeeded (see {@link dev.catalogstore.api.error.UnavailableException}).
   */
  default CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return commitMetadataLocation(tenant, asset, commit, CommitMeta.NONE);
  }

  /**
   * Commits like {@link #commitMetadataLocation(TenantId, AssetRef, MetadataCommit)}, recording
   * {@code meta}.
   */
  CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit, CommitMeta meta);

  /**
   * Commits several assets of one catalog and branch as one all-or-nothing step (Iceberg REST's
   * multi-table transaction): each commit is a compare-and-set as in {@link
   * #commitMetadataLocation}, and either every expected location holds and every commit is applied,
   * or nothing changes.
   *
   * <p>Fails with {@code InvalidArgumentException} if the list is null or empty (field {@code
   * commits}), names an asset twice (field {@code commits[i].asset}), spans more than one catalog
   * and branch (field {@code commits[i].asset.branch}), or a part is invalid (fields under {@code
   * commits[i]}, for example {@code commits[i].commit.next}); with {@code NotFoundException} if an
   * asset does not exist; with {@link dev.catalogstore.api.error.AssetsConflictException} listing
   * every stale commit, with the location stored now for each, if any expectation does not hold.
   * Returns the updated assets in the order of {@code commits}.
   */
  default CompletableFuture<List<Asset>> commitMetadataLocations(
      TenantId tenant, List<AssetCommit> commits) {
    return commitMetadataLocations(tenant, commits, CommitMeta.NONE);
  }

  /**
   * Commits several assets like {@link #commitMetadataLocations(TenantId, List)}, as one commit
   * recording {@code meta}.
   */
  CompletableFuture<List<Asset>> commitMetadataLocations(
      TenantId tenant, List<AssetCommit> commits, CommitMeta meta);

  /**
   * Lists the asset's committed metadata locations, newest first (descending sequence),
   * keyset-paged. Entries pruned by maintenance are gone and leave gaps in the sequence, which
   * paging steps over. Fails with {@code NotFoundException} if the asset does not exist.
   */
  CompletableFuture<Page<MetadataLocation>> history(
      TenantId tenant, AssetRef asset, PageRequest page);
}
