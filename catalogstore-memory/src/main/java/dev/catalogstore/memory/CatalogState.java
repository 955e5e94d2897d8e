package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.HistoryPruning;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tag.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One catalog: its current {@link Catalog} value, its namespace tree, its commits, branches and
 * tags. A catalog is born with its root commit and its branch {@code main} at that commit, so no
 * reader ever sees a catalog without them.
 *
 * <p>Not thread-safe by itself: guarded by the lock of the owning {@link TenantState}.
 */
final class CatalogState {
  private Catalog catalog;
  private final NamespaceTree namespaces = new NamespaceTree();
  private final CommitLog commits;
  private final NavigableMap<String, BranchState> branches = new TreeMap<>(CodePointOrder.STRINGS);
  private final NavigableMap<String, Tag> tags = new TreeMap<>(CodePointOrder.STRINGS);
  // The last federation sync's stats: part of the catalog, so deleting it forgets them.
  private Optional<SyncStats> lastSync = Optional.empty();
  // Every asset of every branch by id: assets().getById is one hash probe per catalog of the
  // tenant. Kept per catalog, not per tenant, so that deleting a catalog drops it whole, in O(1),
  // however many assets it holds.
  private final Map<AssetId, AssetEntry> assetsById = new HashMap<>();

  CatalogState(Catalog catalog) {
    this.catalog = catalog;
    Instant createdAt = catalog.createdAt();
    this.commits = new CommitLog(catalog.name(), createdAt);
    Branch main =
        new Branch(
            BranchRef.main(catalog.name()),
            BranchType.INGEST,
            commits.root(),
            false,
            createdAt,
            createdAt);
    branches.put(BranchRef.MAIN, new BranchState(main, assetsById));
  }

  Catalog catalog() {
    return catalog;
  }

  /** The catalog's assets, on every branch, by id. */
  Map<AssetId, AssetEntry> assetsById() {
    return assetsById;
  }

  void replace(Catalog next) {
    this.catalog = next;
  }

  /** The stats of the catalog's last sync; empty if never synced. */
  Optional<SyncStats> lastSync() {
    return lastSync;
  }

  void recordSync(SyncStats stats) {
    this.lastSync = Optional.of(stats);
  }

  NamespaceTree namespaces() {
    return namespaces;
  }

  CommitLog commits() {
    return commits;
  }

  /** The branches by name, in code-point order. */
  NavigableMap<String, BranchState> branches() {
    return branches;
  }

  /** The tags by name, in code-point order. */
  NavigableMap<String, Tag> tags() {
    return tags;
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

  /**
   * The metadata locations the catalog still references (DESIGN §2.9): each asset's current one on
   * every branch head, and each asset's in the content of every tagged commit. Costs the assets of
   * every branch plus the commits below each tagged commit; only maintenance pays it.
   */
  Set<String> referencedLocations() {
    Set<String> referenced = new HashSet<>();
    for (BranchState branch : branches.values()) {
      for (AssetEntry entry : branch.allAssets()) {
        entry.asset().metadataLocation().ifPresent(referenced::add);
      }
    }
    List<CommitId> tagged = tags.values().stream().map(Tag::commit).toList();
    referenced.addAll(HistoryPruning.taggedLocations(commits, commits.root(), tagged));
    return referenced;
  }

  /**
   * Records a change already made to {@code branch}'s assets: appends one commit on its head with
   * {@code changes} as operations, and moves the head to it. The commit's time is {@code now}, or
   * the latest of its parent's time and the branch's last update if that is later, so neither a
   * history's times nor a branch's go backwards when the clock does. The caller holds the write
   * lock and has made every check, so this step cannot fail halfway.
   */
  StoredCommit commitOnto(
      BranchState branch, List<AssetChange> changes, CommitMeta meta, Instant now) {
    Instant parentTime = commits.find(branch.head()).orElseThrow().commit().createdAt();
    Instant createdAt =
        Timestamps.notBefore(Timestamps.notBefore(now, parentTime), branch.branch().updatedAt());
    StoredCommit written = commits.append(branch.head(), meta, createdAt, changes);
    branch.moveHead(written.commit().id(), createdAt);
    return written;
  }
}
