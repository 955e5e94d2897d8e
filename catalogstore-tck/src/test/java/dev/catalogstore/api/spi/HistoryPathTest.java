package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.TestHistory.created;
import static dev.catalogstore.api.spi.TestHistory.deleted;
import static dev.catalogstore.api.spi.TestHistory.key;
import static dev.catalogstore.api.spi.TestHistory.table;
import static dev.catalogstore.api.spi.TestHistory.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The net change between a commit and one of its ancestors, folded along a path of parent links
 * over an in-memory history that records which commits a walk read.
 */
class HistoryPathTest {
  private final TestHistory history = new TestHistory();

  @Test
  void aLinearPathFoldsItsCommitsOldestFirst() {
    CommitId root = history.root();
    CommitId c1 = history.commit(root, created("orders"));
    CommitId c2 = history.commit(c1, updated("orders", 1, 2));
    CommitId c3 = history.commit(c2, updated("orders", 2, 3), created("items"));
    CommitId c4 = history.commit(c3, deleted("items", 1));

    assertThat(HistoryPath.netChanges(history, c1, c4))
        .containsOnly(Map.entry(key("orders"), updated("orders", 1, 3)));
    assertThat(HistoryPath.netChanges(history, root, c3))
        .containsOnly(
            Map.entry(key("orders"), AssetChange.created(key("orders"), table("orders", 3))),
            Map.entry(key("items"), created("items")));
  }

  @Test
  void aCommitHasNoChangeRelativeToItself() {
    CommitId c1 = history.commit(history.root(), created("orders"));

    assertThat(HistoryPath.netChanges(history, c1, c1)).isEmpty();
    assertThat(HistoryPath.contentsAfter(history, c1, c1)).isEmpty();
  }

  @Test
  void aParentIsOneStep() {
    CommitId c1 = history.commit(history.root(), created("orders"));
    CommitId c2 = history.commit(c1, updated("orders", 1, 2));

    assertThat(HistoryPath.netChanges(history, c1, c2))
        .containsOnly(Map.entry(key("orders"), updated("orders", 1, 2)));
  }

  /**
   * main: fork, m1 (returns created), merge M of side (s1: items created, s2: items updated) with
   * first parent m1, then c (orders updated). From s1 the only path to c runs through M's second
   * parent, whose changes are M's relative to s2.
   */
  @Test
  void aPathMayRunThroughASecondParent() {
    CommitId fork = history.commit(history.root(), created("orders"));
    CommitId m1 = history.commit(fork, created("returns"));
    CommitId s1 = history.commit(fork, created("items"));
    CommitId s2 = history.commit(s1, updated("items", 1, 2));
    CommitId merge =
        history.merge(
            m1,
            s2,
            List.of(AssetChange.created(key("items"), table("items", 2))),
            List.of(created("returns")));
    CommitId c = history.commit(merge, updated("orders", 1, 2));

    assertThat(HistoryPath.netChanges(history, s1, c))
        .containsOnly(
            Map.entry(key("items"), updated("items", 1, 2)),
            Map.entry(key("returns"), created("returns")),
            Map.entry(key("orders"), updated("orders", 1, 2)));
    assertThat(HistoryPath.netChanges(history, m1, c))
        .containsOnly(
            Map.entry(key("items"), AssetChange.created(key("items"), table("items", 2))),
            Map.entry(key("orders"), updated("orders", 1, 2)));
  }

  @Test
  void aFirstParentChainThatDoesNotLeadToTheAncestorIsLeftForTheSecondParent() {
    CommitId fork = history.commit(history.root(), created("orders"));
    CommitId side = history.commit(fork, updated("orders", 1, 2));
    // A long first-parent line above the side commit's generation: every commit on it is a dead
    // end for a walk looking for the side commit.
    CommitId mainLine = history.chain(history.commit(fork, created("returns")), 5);
    CommitId merge =
        history.merge(
            mainLine,
            side,
            List.of(updated("orders", 1, 2)),
            // Relative to the side commit: everything the main line did.
            List.of(
                created("returns"),
                created("filler-0"),
                created("filler-1"),
                created("filler-2"),
                created("filler-3"),
                created("filler-4")));
    CommitId head = history.commit(merge, updated("orders", 2, 3));

    Map<?, AssetChange> net = HistoryPath.netChanges(history, side, head);

    assertThat(net).hasSize(7);
    assertThat(net.get(key("orders"))).isEqualTo(updated("orders", 2, 3));
  }

  @Test
  void aDeadEndIsNotWalkedTwice() {
    // A diamond above the ancestor's generation reached twice from the head, leading nowhere.
    CommitId root = history.root();
    CommitId ancestor = history.commit(root, created("orders"));
    CommitId other = history.commit(root, created("returns"));
    CommitId top = history.chain(other, 4);
    CommitId left = history.commit(top, created("left"));
    CommitId right = history.commit(top, created("right"));
    CommitId diamond =
        history.merge(left, right, List.of(created("right")), List.of(created("left")));
    CommitId merge = history.merge(diamond, ancestor, List.of(), List.of());
    CountingHistory counting = new CountingHistory(history);

    HistoryPath.netChanges(counting, ancestor, merge);

    assertThat(counting.parentReads.get(top)).as("reads of the dead end's parents").isEqualTo(1);
  }

  @Test
  void theWalkVisitsOnlyCommitsAboveTheAncestor() {
    CommitId base = history.chain(history.root(), 50);
    CommitId ancestor = history.commit(base, created("orders"));
    CommitId side = history.commit(ancestor, created("items"));
    // The merge's first parent leads down a line that forked below the ancestor.
    CommitId mainLine = history.commit(history.commit(base, created("x")), created("y"));
    CommitId merge =
        history.merge(
            mainLine,
            side,
            List.of(created("orders"), created("items")),
            List.of(created("x"), created("y")));
    history.read.clear();

    assertThat(HistoryPath.netChanges(history, ancestor, merge))
        .containsOnlyKeys(key("items"), key("x"), key("y"));
    assertThat(history.read)
        .as("the commits read")
        .isNotEmpty()
        .allSatisfy(
            c -> assertThat(history.generationOf(c)).isGreaterThan(history.generationOf(ancestor)));
  }

  @Test
  void aCommitThatIsNoAncestorFailsAsABrokenStore() {
    CommitId root = history.root();
    CommitId a = history.commit(root, created("orders"));
    CommitId b = history.commit(root, created("items"));

    assertThatThrownBy(() -> HistoryPath.netChanges(history, a, b))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("not an ancestor");
    assertThatThrownBy(() -> HistoryPath.netChanges(history, b, root))
        .isInstanceOf(InternalStoreException.class);
  }

  @Test
  void aParentWhoseGenerationIsNotLowerFailsAsABrokenStore() {
    CommitId ancestor = history.commit(history.root(), created("orders"));
    CommitId a = history.commit(ancestor, updated("orders", 1, 2));
    CommitId b = history.commitWithGeneration(7, a, updated("orders", 2, 3));
    // Stored with generation 3, below its parent's 7.
    CommitId broken = history.commitWithGeneration(3, b, updated("orders", 3, 4));
    CommitId head = history.commit(broken, updated("orders", 4, 5));

    assertThatThrownBy(() -> HistoryPath.netChanges(history, ancestor, head))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("generation");
  }

  @Test
  void changesThatDoNotContinueEachOtherFailAsABrokenStore() {
    CommitId root = history.root();
    CommitId c1 = history.commit(root, created("orders"));
    CommitId c2 = history.commit(c1, updated("orders", 1, 2));
    CommitId c3 = history.commit(c2, updated("orders", 1, 3));

    assertThatThrownBy(() -> HistoryPath.netChanges(history, root, c3))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("broken history");
  }

  @Test
  void contentsAfterFoldsLenientlyTheLastContentOfEveryKeyChanged() {
    CommitId root = history.root();
    CommitId c1 = history.commit(root, created("orders"), created("items"));
    CommitId c2 = history.commit(c1, updated("orders", 1, 2), deleted("items", 1));
    // A partial branch's history may record a create over a key it never copied.
    CommitId c3 = history.commit(c2, AssetChange.created(key("orders"), table("orders", 7)));

    assertThat(HistoryPath.contentsAfter(history, root, c3))
        .containsOnly(
            Map.entry(key("orders"), Optional.of(table("orders", 7))),
            Map.entry(key("items"), Optional.empty()));
  }

  /** Counts the reads of each commit's parents. */
  private static final class CountingHistory implements CommitHistory {
    private final CommitHistory delegate;
    final Map<CommitId, Integer> parentReads = new HashMap<>();

    CountingHistory(CommitHistory delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<CommitId> parents(CommitId commit) {
      parentReads.merge(commit, 1, Integer::sum);
      return delegate.parents(commit);
    }

    @Override
    public long generation(CommitId commit) {
      return delegate.generation(commit);
    }

    @Override
    public List<AssetChange> changes(CommitId commit, int parentIndex) {
      return delegate.changes(commit, parentIndex);
    }
  }
}
