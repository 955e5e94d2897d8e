package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.spi.HistoryPath;
import dev.catalogstore.api.spi.MergeBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The assets a new branch starts with: those at the commit it starts from, materialised from the
 * cheapest source that holds them, and copied onto the new branch with new ids.
 *
 * <p>The sources, in order: (a) the branch {@code from} names, when it names a head; (b) a full
 * branch whose head is that commit (the smallest name); (c) a full branch whose head descends from
 * it ({@code main} first, then by name), with the changes since the commit undone; (d) the whole
 * history from the root commit. (a) and (b) cost the assets copied, (c) adds the changes since the
 * commit, and only (d) reads the history leading to it.
 *
 * <p>Not thread-safe by itself: the caller holds the tenant's write lock.
 */
final class BranchCopier {
  private BranchCopier() {}

  /**
   * The contents of the assets at a commit, by key in key order.
   *
   * @param contents every asset's content at its key
   * @param incomplete whether they lack assets of the commit: copied from a partial branch, which
   *     lacks the assets it never copied, or left out because their namespace has since been
   *     deleted. A branch made from them is partial, so merging it never deletes what it lacks
   */
  record Contents(NavigableMap<AssetKey, AssetContent> contents, boolean incomplete) {}

  /**
   * The assets at {@code commit}, the commit {@code from} names in {@code catalog}; only the keys
   * of {@code subset} (those that exist there) when it is present.
   */
  static Contents contentsAt(
      CatalogState catalog, CommitRef from, CommitId commit, Optional<Set<AssetKey>> subset) {
    Contents found = materialise(catalog, from, commit, subset);
    // An asset can only live in an existing namespace: one deleted since the commit is left out.
    NavigableMap<AssetKey, AssetContent> kept = new TreeMap<>(found.contents());
    boolean dropped = kept.keySet().removeIf(key -> !catalog.namespaces().exists(key.namespace()));
    return new Contents(kept, found.incomplete() || dropped);
  }

  private static Contents materialise(
      CatalogState catalog, CommitRef from, CommitId commit, Optional<Set<AssetKey>> subset) {
    if (from instanceof CommitRef.Head head) {
      BranchState branch = catalog.branch(head.branch().branch()).orElseThrow();
      return new Contents(contentsOf(branch, subset), branch.branch().partial());
    }
    Optional<BranchState> atCommit = fullBranchAt(catalog, commit);
    if (atCommit.isPresent()) {
      return new Contents(contentsOf(atCommit.get(), subset), false);
    }
    CommitLog log = catalog.commits();
    for (BranchState branch : fullBranchesMainFirst(catalog)) {
      if (MergeBase.isAncestor(log, commit, branch.head())) {
        NavigableMap<AssetKey, AssetContent> contents = contentsOf(branch, subset);
        // Undo what the branch changed since the commit: each key goes back to its content then.
        for (AssetChange change : HistoryPath.netChanges(log, commit, branch.head()).values()) {
          if (subset.isEmpty() || subset.get().contains(change.key())) {
            put(contents, change.key(), change.before());
          }
        }
        return new Contents(contents, false);
      }
    }
    NavigableMap<AssetKey, AssetContent> contents = new TreeMap<>();
    HistoryPath.contentsAfter(log, log.root(), commit)
        .forEach(
            (key, content) -> {
              if (subset.isEmpty() || subset.get().contains(key)) {
                put(contents, key, content);
              }
            });
    return new Contents(contents, false);
  }

  /**
   * Creates an asset on {@code branch} for every content, with a new id and both times {@code now}.
   */
  static void copy(
      TenantState state, BranchState branch, Map<AssetKey, AssetContent> contents, Instant now) {
    BranchRef ref = branch.branch().ref();
    contents.forEach(
        (key, content) ->
            AssetWrites.create(
                state, branch, new AssetRef(ref, key.namespace(), key.name()), content, now));
  }

  /**
   * A full branch whose head is {@code commit}, the smallest name first. A partial one is never
   * used: its head commit describes more assets than it holds.
   */
  private static Optional<BranchState> fullBranchAt(CatalogState catalog, CommitId commit) {
    return catalog.branches().values().stream()
        .filter(branch -> branch.head().equals(commit) && !branch.branch().partial())
        .findFirst();
  }

  /** The full branches, {@code main} first, then by name. */
  private static List<BranchState> fullBranchesMainFirst(CatalogState catalog) {
    List<BranchState> full = new ArrayList<>();
    catalog.branch(BranchRef.MAIN).ifPresent(full::add);
    for (BranchState branch : catalog.branches().values()) {
      if (!branch.branch().ref().branch().equals(BranchRef.MAIN)) {
        full.add(branch);
      }
    }
    full.removeIf(branch -> branch.branch().partial());
    return full;
  }

  private static NavigableMap<AssetKey, AssetContent> contentsOf(
      BranchState branch, Optional<Set<AssetKey>> subset) {
    NavigableMap<AssetKey, AssetContent> contents = new TreeMap<>();
    if (subset.isPresent()) {
      for (AssetKey key : subset.get()) {
        branch
            .asset(key.namespace(), key.name())
            .ifPresent(entry -> contents.put(key, AssetContent.of(entry.asset())));
      }
    } else {
      for (AssetEntry entry : branch.allAssets()) {
        contents.put(AssetKey.of(entry.asset().ref()), AssetContent.of(entry.asset()));
      }
    }
    return contents;
  }

  private static void put(
      Map<AssetKey, AssetContent> contents, AssetKey key, Optional<AssetContent> content) {
    if (content.isPresent()) {
      contents.put(key, content.get());
    } else {
      contents.remove(key);
    }
  }
}
