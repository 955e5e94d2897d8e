package dev.catalogstore.api.spi;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The net change between a commit and one of its ancestors, folded along a path of parent links
 * from the ancestor up to the commit ({@link CommitHistory}). Every commit's changes are complete
 * relative to the parent they are recorded against, so any path gives the same net change; the
 * first parent is tried first, since it is the path a branch's own history takes.
 *
 * <p>The path is found by a depth-first walk down from the descendant that never goes below the
 * ancestor's generation, so it visits only commits above the ancestor: its cost grows with the
 * commits since the ancestor, never with the length of the shared history below it.
 */
public final class HistoryPath {
  private HistoryPath() {}

  /**
   * The net change of every key from {@code ancestor} to {@code descendant} ({@link NetChanges}).
   * Equal commits have no change.
   *
   * @throws InternalStoreException if {@code ancestor} is not an ancestor of {@code descendant}, or
   *     the changes along the path do not continue each other: the store's history is broken
   */
  public static Map<AssetKey, AssetChange> netChanges(
      CommitHistory history, CommitId ancestor, CommitId descendant) {
    return NetChanges.fold(changesAlong(history, ancestor, descendant));
  }

  /**
   * The content of every key that changed from {@code ancestor} to {@code descendant}, as it is at
   * {@code descendant} (empty: absent there), folded leniently: a change that does not continue the
   * one before it on the same key (which a partial branch's history may record, since such a branch
   * sees keys it never copied as absent) simply supersedes it. For materialising the assets of a
   * commit, never for merges, which must see such a history as broken.
   */
  public static Map<AssetKey, Optional<AssetContent>> contentsAfter(
      CommitHistory history, CommitId ancestor, CommitId descendant) {
    Map<AssetKey, Optional<AssetContent>> contents = new HashMap<>();
    for (AssetChange change : changesAlong(history, ancestor, descendant)) {
      contents.put(change.key(), change.after());
    }
    return Collections.unmodifiableMap(contents);
  }

  /** The changes along one path from {@code ancestor} to {@code descendant}, oldest first. */
  private static List<AssetChange> changesAlong(
      CommitHistory history, CommitId ancestor, CommitId descendant) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(ancestor, "ancestor");
    Objects.requireNonNull(descendant, "descendant");
    List<AssetChange> changes = new ArrayList<>();
    for (Edge edge : path(history, ancestor, descendant)) {
      changes.addAll(history.changes(edge.child(), edge.parentIndex()));
    }
    return changes;
  }

  /** The parent links from {@code ancestor} up to {@code descendant}, oldest first. */
  private static List<Edge> path(CommitHistory history, CommitId ancestor, CommitId descendant) {
    if (ancestor.equals(descendant)) {
      return List.of();
    }
    long floor = history.generation(ancestor);
    // The walk's current path, newest first: each frame is a commit and the next parent to try.
    Deque<Frame> stack = new ArrayDeque<>();
    // Commits already found not to lead to the ancestor.
    Set<CommitId> deadEnds = new HashSet<>();
    stack.push(new Frame(descendant, history.parents(descendant), history.generation(descendant)));
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (top.next >= top.parents.size()) {
        deadEnds.add(top.commit);
        stack.pop();
        continue;
      }
      int index = top.next++;
      CommitId parent = top.parents.get(index);
      if (parent.equals(ancestor)) {
        return edges(stack);
      }
      if (deadEnds.contains(parent)) {
        continue;
      }
      long generation = history.generation(parent);
      if (generation >= top.generation) {
        throw new InternalStoreException(
            "broken commit graph: commit "
                + parent
                + " has generation "
                + generation
                + ", not lower than the generation "
                + top.generation
                + " of its child "
                + top.commit,
            null);
      }
      if (generation <= floor) {
        // At or below the ancestor's generation only the ancestor itself could be reached.
        deadEnds.add(parent);
        continue;
      }
      stack.push(new Frame(parent, history.parents(parent), generation));
    }
    throw new InternalStoreException(
        "commit " + ancestor + " is not an ancestor of commit " + descendant, null);
  }

  /** The path the stack holds: each frame's link is to the parent it tried last. */
  private static List<Edge> edges(Deque<Frame> stack) {
    List<Edge> edges = new ArrayList<>();
    for (Frame frame : stack) {
      edges.add(new Edge(frame.commit, frame.next - 1));
    }
    // The stack iterates from its top, the commit whose parent is the ancestor: oldest first.
    return edges;
  }

  /** A commit reached through its parent number {@code parentIndex}. */
  private record Edge(CommitId child, int parentIndex) {}

  private static final class Frame {
    final CommitId commit;
    final List<CommitId> parents;
    final long generation;
    int next;

    Frame(CommitId commit, List<CommitId> parents, long generation) {
      this.commit = commit;
      this.parents = parents;
      this.generation = generation;
    }
  }
}
