package dev.catalogstore.memory;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.spi.CommitHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commits of one catalog, by id, and the catalog's {@link CommitHistory} for the shared merge
 * and history algorithms. Commits are only ever added; they stay until the catalog is deleted, also
 * when the branch that wrote them is deleted, so tags and other branches keep what they reach.
 *
 * <p>Thread-safe for what the tenant's locking allows at once (see {@link TenantState}): changes to
 * different branches of the catalog append concurrently, each under its own branch's lock, while
 * readers under the tenant's read lock walk the log. The map is concurrent and a commit is
 * immutable and entered whole before any head points at it, so a reader that reaches a commit
 * through a head or a parent always finds it.
 */
final class CommitLog implements CommitHistory {
  private final String catalog;
  private final Map<CommitId, StoredCommit> commits = new ConcurrentHashMap<>();
  private final CommitId root;

  /** A log holding only the catalog's root commit, written at {@code createdAt}. */
  CommitLog(String catalog, Instant createdAt) {
    this.catalog = catalog;
    this.root = add(List.of(), 0, CommitMeta.NONE, createdAt, List.of(), List.of());
  }

  CommitId root() {
    return root;
  }

  Optional<StoredCommit> find(CommitId id) {
    return Optional.ofNullable(commits.get(id));
  }

  /**
   * Writes a commit with one parent, {@code parent}, whose operations are {@code changes} (in any
   * order; sorted here), and returns it.
   */
  StoredCommit append(
      CommitId parent, CommitMeta meta, Instant createdAt, List<AssetChange> changes) {
    CommitId id = add(List.of(parent), generation(parent) + 1, meta, createdAt, changes, List.of());
    return commits.get(id);
  }

  /**
   * Writes a merge commit with parents {@code first} (the target's head) and {@code second} (the
   * source's head), its changes relative to each, and returns it.
   */
  StoredCommit appendMerge(
      CommitId first,
      CommitId second,
      CommitMeta meta,
      Instant createdAt,
      List<AssetChange> firstParentChanges,
      List<AssetChange> secondParentChanges) {
    long generation = Math.max(generation(first), generation(second)) + 1;
    CommitId id =
        add(
            List.of(first, second),
            generation,
            meta,
            createdAt,
            firstParentChanges,
            secondParentChanges);
    return commits.get(id);
  }

  @Override
  public List<CommitId> parents(CommitId commit) {
    return require(commit).commit().parents();
  }

  @Override
  public long generation(CommitId commit) {
    return require(commit).generation();
  }

  @Override
  public List<AssetChange> changes(CommitId commit, int parentIndex) {
    StoredCommit stored = require(commit);
    return switch (parentIndex) {
      case 0 -> stored.operations();
      case 1 -> stored.secondParentChanges();
      default -> throw broken("commit " + commit + " has no parent number " + parentIndex);
    };
  }

  private CommitId add(
      List<CommitId> parents,
      long generation,
      CommitMeta meta,
      Instant createdAt,
      List<AssetChange> firstParentChanges,
      List<AssetChange> secondParentChanges) {
    StoredCommit stored;
    CommitId id;
    do {
      id = CommitId.random();
      stored =
          new StoredCommit(
              new Commit(id, catalog, parents, meta, createdAt),
              generation,
              sortedByKey(firstParentChanges),
              sortedByKey(secondParentChanges));
      // A random id collision is retried, not trusted away; putIfAbsent, as branches append at
      // once.
    } while (commits.putIfAbsent(id, stored) != null);
    return id;
  }

  private static List<AssetChange> sortedByKey(List<AssetChange> changes) {
    List<AssetChange> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparing(AssetChange::key));
    return sorted;
  }

  /** A commit the graph links to must exist: one that does not means the history is broken. */
  private StoredCommit require(CommitId commit) {
    StoredCommit stored = commits.get(commit);
    if (stored == null) {
      throw broken("commit " + commit + " of catalog '" + catalog + "' is missing");
    }
    return stored;
  }

  private static InternalStoreException broken(String message) {
    return new InternalStoreException("broken commit history: " + message, null);
  }
}
