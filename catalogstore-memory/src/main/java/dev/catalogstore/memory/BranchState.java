package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.namespace.NamespacePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One branch of a catalog: its current {@link Branch} value (type, head, times) and its assets,
 * grouped by namespace (see {@link NamespaceAssets}), so that listing the assets of one namespace
 * costs O(log n + page size) and never touches other namespaces.
 *
 * <p>Not thread-safe by itself: guarded by the lock of the owning {@link TenantState}.
 */
final class BranchState {
  private Branch branch;
  // Only non-empty namespaces are kept, so containsKey answers "has assets".
  private final Map<NamespacePath, NamespaceAssets> assetsByNamespace = new HashMap<>();
  // The catalog's assets by id, shared by all its branches (CatalogState#assetsById).
  private final Map<AssetId, AssetEntry> catalogAssetsById;

  /**
   * @param catalogAssetsById the index by id of the assets of the branch's catalog, which the
   *     branch's asset writes keep
   */
  BranchState(Branch branch, Map<AssetId, AssetEntry> catalogAssetsById) {
    this.branch = branch;
    this.catalogAssetsById = catalogAssetsById;
  }

  /** The assets of the branch's catalog (all its branches) by id. */
  Map<AssetId, AssetEntry> catalogAssetsById() {
    return catalogAssetsById;
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
    NamespaceAssets assets = assetsByNamespace.get(namespace);
    return assets == null ? Optional.empty() : assets.get(name);
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
