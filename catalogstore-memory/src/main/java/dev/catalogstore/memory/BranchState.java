package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.namespace.NamespacePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * One branch of a catalog: its current {@link Branch} value (type, head, times) and its assets,
 * grouped by namespace (see {@link NamespaceAssets}), so that listing the assets of one namespace
 * costs O(log n + page size) and never touches other namespaces.
 *
 * <h2>Thread-safety</h2>
 *
 * A branch has its own {@link StampedLock}, beneath the tenant's lock (see {@link TenantState} for
 * the whole scheme). A change confined to this branch's assets (an asset create, rename, property
 * update, delete or metadata commit, each with the commit it appends and the head it moves) runs
 * under the tenant's read lock and this {@linkplain #writing write lock}, so changes to different
 * branches of one tenant run in parallel while those to one branch stay one at a time, as its
 * linear commit chain requires: each commit's parent is the head the previous one moved. A reader
 * of several of the branch's assets at once (a page, a history page, a merge's dry run) holds the
 * tenant's read lock and this {@linkplain #reading read lock}, so it sees the branch between two
 * changes. A single-asset read takes no lock at all: it reads optimistically (see {@link
 * #tryOptimisticRead}) and falls back to the read lock if a change overlapped it. Changes that span
 * branches (merges, branch creation and deletion, federation syncs, deletes of catalogs or tenants,
 * maintenance) run under the tenant's write lock instead, which excludes all of the above.
 *
 * <p>The maps along a single-asset read ({@code assetsByNamespace}, each namespace's index by name)
 * are concurrent, so that an optimistic reader crossing a change in progress finds an old or a new
 * entry or none, never a broken structure; the branch value is volatile for the same reason.
 */
final class BranchState {
  private final StampedLock lock = new StampedLock();
  private volatile Branch branch;
  // Only non-empty namespaces are kept, so containsKey answers "has assets".
  private final Map<NamespacePath, NamespaceAssets> assetsByNamespace = new ConcurrentHashMap<>();

  BranchState(Branch branch) {
    this.branch = branch;
  }

  /**
   * Runs {@code change} under the branch's write lock. The caller holds the tenant's read lock (or
   * its write lock); the lock is not reentrant, so {@code change} must not take it again.
   */
  <T> T writing(Supplier<T> change) {
    long stamp = lock.writeLock();
    try {
      return change.get();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Runs {@code read} under the branch's read lock; the caller holds the tenant's read lock. */
  <T> T reading(Supplier<T> read) {
    long stamp = lock.readLock();
    try {
      return read.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * A stamp for an optimistic read of the branch's assets, 0 if a change holds the write lock now.
   * The read is valid only if {@link #validate} then answers true: no change began since.
   */
  long tryOptimisticRead() {
    return lock.tryOptimisticRead();
  }

  /** Whether no change to the branch has taken its write lock since {@code stamp} was issued. */
  boolean validate(long stamp) {
    return lock.validate(stamp);
  }

  Branch branch() {
    return branch;
  }

  CommitId head() {
    return branch.head();
  }

  /** Moves the head to {@code head}, the branch's last change now made at {@code at}. */
  void moveHead(CommitId head, Instant at) {
    branch =
        new Branch(branch.ref(), branch.type(), head, branch.partial(), branch.createdAt(), at);
  }

  Optional<AssetEntry> asset(NamespacePath namespace, String name) {
    return Optional.ofNullable(entry(namespace, name));
  }

  /** The asset at {@code namespace} and {@code name}, or null; safe for an optimistic reader. */
  AssetEntry entry(NamespacePath namespace, String name) {
    NamespaceAssets assets = assetsByNamespace.get(namespace);
    return assets == null ? null : assets.entry(name);
  }

  /**
   * The assets directly in {@code namespace} whose kind is in {@code kinds} and whose names follow
   * {@code after}, lazily in code-point order; see {@link NamespaceAssets#after} for the cost.
   */
  Iterator<AssetEntry> assetsAfter(
      NamespacePath namespace, Optional<String> after, Set<AssetKind> kinds) {
    NamespaceAssets assets = assetsByNamespace.get(namespace);
    return assets == null ? Collections.emptyIterator() : assets.after(after, kinds);
  }

  boolean hasAssetsIn(NamespacePath namespace) {
    return assetsByNamespace.containsKey(namespace);
  }

  /** Files {@code entry} under the coordinates its asset value names. */
  void put(AssetEntry entry) {
    AssetRef ref = entry.asset().ref();
    assetsByNamespace
        .computeIfAbsent(ref.namespace(), namespace -> new NamespaceAssets())
        .put(entry);
  }

  void remove(NamespacePath namespace, String name) {
    NamespaceAssets assets = assetsByNamespace.get(namespace);
    if (assets != null) {
      assets.remove(name);
      if (assets.isEmpty()) {
        assetsByNamespace.remove(namespace);
      }
    }
  }

  /** Every asset of the branch, for a cascade that must drop them from the id index. */
  List<AssetEntry> allAssets() {
    List<AssetEntry> all = new ArrayList<>();
    assetsByNamespace.values().forEach(assets -> all.addAll(assets.all()));
    return all;
  }
}
