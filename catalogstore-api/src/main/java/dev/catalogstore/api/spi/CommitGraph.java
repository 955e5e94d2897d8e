package dev.catalogstore.api.spi;

import dev.catalogstore.api.commit.CommitId;
import java.util.List;

/**
 * A backend's view of one catalog's commit graph, read from its storage, for {@link MergeBase}.
 * Called on the backend's own thread, inside its transaction if it has one; both methods must
 * answer for every commit reachable from the commits {@link MergeBase} is given.
 */
public interface CommitGraph {
  /** The parents of {@code commit}: none for the root commit, two for a merge commit. */
  List<CommitId> parents(CommitId commit);

  /**
   * The generation number of {@code commit}: 0 for a root commit, otherwise one more than the
   * highest generation of its parents. Stored with each commit when it is written (it never
   * changes), it lets a walk visit commits in an order where every descendant comes before its
   * ancestors, and stop as soon as it is below the commit it looks for.
   */
  long generation(CommitId commit);
}
