package dev.catalogstore.api.spi;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.CommitId;
import java.util.List;

/**
 * A backend's view of one catalog's commits with their changes, read from its storage, for {@link
 * HistoryPath} and {@link Merges}. Like {@link CommitGraph}, it is called on the backend's own
 * thread, inside its transaction if it has one.
 *
 * <p>A commit's changes are recorded relative to each of its parents: for every commit, relative to
 * its first parent (its {@linkplain dev.catalogstore.api.commit.Commits#operations operations});
 * for a merge commit also relative to its second parent (the source's head it merged), which {@link
 * Merges.Decision#secondParentChanges()} computes when the merge is planned. With both, the net
 * change between a commit and any of its ancestors can be folded along any path of parent links
 * between them, whichever side of earlier merges that path passes.
 */
public interface CommitHistory extends CommitGraph {
  /**
   * The changes of {@code commit} relative to its parent number {@code parentIndex} (0 for the
   * first parent, 1 for a merge commit's second), in any order, at most one per key.
   */
  List<AssetChange> changes(CommitId commit, int parentIndex);
}
