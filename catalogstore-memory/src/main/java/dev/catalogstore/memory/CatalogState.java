package dev.catalogstore.memory;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.Missing;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One catalog: its current {@link Catalog} value, its namespace tree and its branches. A catalog is
 * born with its branch {@code main}, so no reader ever sees a catalog without it.
 *
 * <p>Not thread-safe by itself: guarded by the lock of the owning {@link TenantState}.
 */
final class CatalogState {
  private Catalog catalog;
  private final NamespaceTree namespaces = new NamespaceTree();
  private final NavigableMap<String, BranchState> branches = new TreeMap<>(CodePointOrder.STRINGS);

  CatalogState(Catalog catalog) {
    this.catalog = catalog;
    branches.put(BranchRef.MAIN, new BranchState());
  }

  Catalog catalog() {
    return catalog;
  }

  void replace(Catalog next) {
    this.catalog = next;
  }

  NamespaceTree namespaces() {
    return namespaces;
  }

  Optional<BranchState> branch(String name) {
    return Optional.ofNullable(branches.get(name));
  }

  /** The branch {@code ref.branch()}, or {@code NotFoundException}. */
  BranchState requireBranch(BranchRef ref) {
    return branch(ref.branch()).orElseThrow(() -> Missing.branch(ref));
  }

  /** Fails with {@code NotFoundException} unless the namespace exists (the root always does). */
  void requireNamespace(NamespacePath path) {
    if (!namespaces.exists(path)) {
      throw Missing.namespace(new NamespaceRef(catalog.name(), path));
    }
  }

  /** Whether any branch holds an asset directly in {@code namespace}. */
  boolean hasAssetsIn(NamespacePath namespace) {
    return branches.values().stream().anyMatch(branch -> branch.hasAssetsIn(namespace));
  }

  /** Every asset on every branch, for a cascade that must drop them from the id index. */
  List<AssetEntry> allAssets() {
    List<AssetEntry> all = new ArrayList<>();
    branches.values().forEach(branch -> all.addAll(branch.allAssets()));
    return all;
  }
}
