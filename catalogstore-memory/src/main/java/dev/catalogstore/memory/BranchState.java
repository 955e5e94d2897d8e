package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.common.CodePointOrder;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The assets of one branch of a catalog, indexed by namespace and then by name in code-point order,
 * so that listing the assets of one namespace costs O(log n + page size) and never touches other
 * namespaces.
 *
 * <p>Not thread-safe by itself: guarded by the lock of the owning {@link TenantState}.
 */
final class BranchState {
  // Only non-empty per-namespace maps are kept, so containsKey answers "has assets".
  private final Map<NamespacePath, NavigableMap<String, AssetEntry>> assetsByNamespace =
      new HashMap<>();

  Optional<AssetEntry> asset(NamespacePath namespace, String name) {
    return Optional.ofNullable(assetsIn(namespace).get(name));
  }

  /** The namespace's assets by name, read-only; empty if it has none. */
  NavigableMap<String, AssetEntry> assetsIn(NamespacePath namespace) {
    NavigableMap<String, AssetEntry> assets = assetsByNamespace.get(namespace);
    return assets == null
        ? Collections.emptyNavigableMap()
        : Collections.unmodifiableNavigableMap(assets);
  }

  boolean hasAssetsIn(NamespacePath namespace) {
    return assetsByNamespace.containsKey(namespace);
  }

  /** Files {@code entry} under the coordinates its asset value names. */
  void put(AssetEntry entry) {
    AssetRef ref = entry.asset().ref();
    assetsByNamespace
        .computeIfAbsent(ref.namespace(), namespace -> new TreeMap<>(CodePointOrder.STRINGS))
        .put(ref.name(), entry);
  }

  void remove(NamespacePath namespace, String name) {
    NavigableMap<String, AssetEntry> assets = assetsByNamespace.get(namespace);
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
    assetsByNamespace.values().forEach(assets -> all.addAll(assets.values()));
    return all;
  }
}
