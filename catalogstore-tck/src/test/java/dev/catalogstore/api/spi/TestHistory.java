package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory {@link CommitHistory} for the tests of {@link HistoryPath} and {@link Merges}:
 * commits with their parents, generations and changes relative to each parent, recording which
 * commits a walk read.
 */
final class TestHistory implements CommitHistory {
  private final Map<CommitId, List<CommitId>> parents = new HashMap<>();
  private final Map<CommitId, Long> generations = new HashMap<>();
  private final Map<CommitId, List<List<AssetChange>>> changes = new HashMap<>();

  /** The commits whose parents or changes were read. */
  final Set<CommitId> read = new HashSet<>();

  CommitId root() {
    CommitId id = CommitId.random();
    parents.put(id, List.of());
    generations.put(id, 0L);
    changes.put(id, List.of());
    return id;
  }

  /** A commit on {@code parent} with {@code ops}, its changes relative to that parent. */
  CommitId commit(CommitId parent, AssetChange... ops) {
    return commitWithGeneration(generations.get(parent) + 1, parent, ops);
  }

  /** A commit stored with {@code generation}, right or wrong. */
  CommitId commitWithGeneration(long generation, CommitId parent, AssetChange... ops) {
    CommitId id = CommitId.random();
    parents.put(id, List.of(parent));
    generations.put(id, generation);
    changes.put(id, List.of(List.of(ops)));
    return id;
  }

  /**
   * A merge commit of {@code second} into {@code first}, with its changes relative to each parent.
   */
  CommitId merge(
      CommitId first,
      CommitId second,
      List<AssetChange> relativeToFirst,
      List<AssetChange> relativeToSecond) {
    CommitId id = CommitId.random();
    parents.put(id, List.of(first, second));
    generations.put(id, Math.max(generations.get(first), generations.get(second)) + 1);
    changes.put(id, List.of(List.copyOf(relativeToFirst), List.copyOf(relativeToSecond)));
    return id;
  }

  /** A chain of {@code length} commits on {@code from} that change nothing a test looks at. */
  CommitId chain(CommitId from, int length) {
    CommitId head = from;
    for (int i = 0; i < length; i++) {
      AssetKey filler = key("filler-" + i);
      head = commit(head, AssetChange.created(filler, table(filler.name(), 1)));
    }
    return head;
  }

  long generationOf(CommitId commit) {
    return generations.get(commit);
  }

  @Override
  public List<CommitId> parents(CommitId commit) {
    read.add(commit);
    return parents.get(commit);
  }

  @Override
  public long generation(CommitId commit) {
    return generations.get(commit);
  }

  @Override
  public List<AssetChange> changes(CommitId commit, int parentIndex) {
    read.add(commit);
    List<List<AssetChange>> all = changes.get(commit);
    if (parentIndex >= all.size()) {
      throw new IllegalArgumentException(commit + " has no parent " + parentIndex);
    }
    return new ArrayList<>(all.get(parentIndex));
  }

  static AssetKey key(String name) {
    return new AssetKey(NamespacePath.of("sales"), name);
  }

  /** Version {@code n} of table {@code name}. */
  static AssetContent table(String name, int n) {
    return new AssetContent(
        AssetKind.ICEBERG_TABLE,
        Optional.of("s3://lake/" + name),
        Optional.of("s3://lake/" + name + "/" + n + ".metadata.json"),
        Map.of());
  }

  static AssetChange created(String name) {
    return AssetChange.created(key(name), table(name, 1));
  }

  static AssetChange updated(String name, int from, int to) {
    return AssetChange.updated(key(name), table(name, from), table(name, to));
  }

  static AssetChange deleted(String name, int version) {
    return AssetChange.deleted(key(name), table(name, version));
  }
}
