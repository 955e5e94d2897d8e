package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The net change along a path of commits: folded oldest commit first, whatever the path's length.
 */
class HistoryPathTest {
  private static final AssetKey KEY = new AssetKey(NamespacePath.of("ns"), "t");
  private static final AssetContent A = content("a");
  private static final AssetContent B = content("b");
  private static final AssetContent C = content("c");

  private final Map<CommitId, List<CommitId>> parents = new HashMap<>();
  private final Map<CommitId, Long> generations = new HashMap<>();
  private final Map<CommitId, List<List<AssetChange>>> changes = new HashMap<>();
  private final CommitHistory history =
      new CommitHistory() {
        @Override
        public List<CommitId> parents(CommitId commit) {
          return parents.get(commit);
        }

        @Override
        public long generation(CommitId commit) {
          return generations.get(commit);
        }

        @Override
        public List<AssetChange> changes(CommitId commit, int parentIndex) {
          return changes.get(commit).get(parentIndex);
        }
      };

  @Test
  void aKeyChangedByEveryCommitOfAPathEndsAtItsLastContent() {
    CommitId root = commit(List.of(), List.of());
    CommitId created = commit(List.of(root), List.of(List.of(AssetChange.created(KEY, A))));
    CommitId updated = commit(List.of(created), List.of(List.of(AssetChange.updated(KEY, A, B))));
    CommitId again = commit(List.of(updated), List.of(List.of(AssetChange.updated(KEY, B, C))));

    assertThat(HistoryPath.netChanges(history, root, again))
        .containsExactly(Map.entry(KEY, AssetChange.created(KEY, C)));
    assertThat(HistoryPath.netChanges(history, created, again))
        .containsExactly(Map.entry(KEY, AssetChange.updated(KEY, A, C)));
    assertThat(HistoryPath.contentsAfter(history, root, again))
        .containsExactly(Map.entry(KEY, Optional.of(C)));
  }

  @Test
  void aPathThroughAMergeCommitFoldsItsChangesAfterThoseBelowIt() {
    CommitId root = commit(List.of(), List.of());
    CommitId created = commit(List.of(root), List.of(List.of(AssetChange.created(KEY, A))));
    CommitId side = commit(List.of(created), List.of(List.of(AssetChange.updated(KEY, A, B))));
    CommitId merge =
        commit(List.of(created, side), List.of(List.of(AssetChange.updated(KEY, A, B)), List.of()));
    CommitId deleted = commit(List.of(merge), List.of(List.of(AssetChange.deleted(KEY, B))));

    assertThat(HistoryPath.netChanges(history, root, deleted)).isEmpty();
    assertThat(HistoryPath.netChanges(history, created, deleted))
        .containsExactly(Map.entry(KEY, AssetChange.deleted(KEY, A)));
    assertThat(HistoryPath.contentsAfter(history, root, merge))
        .containsExactly(Map.entry(KEY, Optional.of(B)));
  }

  private CommitId commit(List<CommitId> parentIds, List<List<AssetChange>> perParent) {
    CommitId id = CommitId.random();
    parents.put(id, parentIds);
    generations.put(id, parentIds.stream().mapToLong(generations::get).max().orElse(-1L) + 1);
    changes.put(id, perParent);
    return id;
  }

  private static AssetContent content(String location) {
    return new AssetContent(
        AssetKind.FILE, Optional.of("s3://" + location), Optional.empty(), Map.of());
  }
}
