package dev.catalogstore.api.spi;

import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merge base of two commits: their nearest common ancestor, from which a merge compares both
 * sides. Found by walking down from both heads at once, in descending generation order, painting
 * each commit with the heads it is reachable from (git's "paint down to common"). A commit reached
 * from both heads is a candidate, and everything below it is marked stale; once one is found, the
 * walk ends when no commit left to visit, other than stale ones, carries the paint of one of the
 * heads (from then on nothing can be reached from both). It therefore visits the commits above the
 * base (and the base's immediate ancestors), however long the shared history below it is.
 *
 * <p>Both walks rely on every parent having a lower generation than its child ({@link
 * CommitGraph#generation}); each parent they read is checked, and a stored graph that breaks the
 * rule fails with {@link InternalStoreException} rather than giving a wrong answer.
 */
public final class MergeBase {
  private static final int FROM_A = 1;
  private static final int FROM_B = 2;
  private static final int FROM_BOTH = FROM_A | FROM_B;
  // Below a common ancestor already found: nothing reached from here can be a nearer one.
  private static final int STALE = 4;

  /** Highest generation first; among equals, the smallest id in UUID string order. */
  private static final Comparator<Node> WALK_ORDER =
      Comparator.comparingLong(Node::generation).reversed().thenComparing(n -> n.id().toString());

  private MergeBase() {}

  /**
   * The nearest common ancestor of {@code a} and {@code b}. If one is an ancestor of the other (or
   * they are equal), it is that one: the merge is a fast-forward or has nothing to do.
   *
   * <p>Criss-cross histories have several nearest common ancestors, none an ancestor of another.
   * Every backend then picks the same one: the highest generation, and among those the smallest id
   * in UUID string order ({@link CommitId#toString()}). Whichever is picked, both heads contain its
   * content, and the order of {@code a} and {@code b} does not matter.
   *
   * @return the merge base; empty if the two commits share no history
   * @throws InternalStoreException if a parent the walk reads has a generation not lower than its
   *     child's
   */
  public static Optional<CommitId> find(CommitGraph graph, CommitId a, CommitId b) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return nearestCommonAncestors(graph, a, b).stream().findFirst();
  }

  /**
   * Every nearest common ancestor of {@code a} and {@code b}, in the order {@link #find} picks
   * from: highest generation first, then by id in UUID string order. One commit, unless the history
   * is criss-cross; empty if the two share no history.
   *
   * @throws InternalStoreException if a parent the walk reads has a generation not lower than its
   *     child's
   */
  public static List<CommitId> nearestCommonAncestors(CommitGraph graph, CommitId a, CommitId b) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      return List.of(a);
    }
    List<Node> candidates = new Walk(graph).paintDownToCommon(a, b);
    return withoutAncestorsOfOthers(graph, candidates).stream()
        .sorted(WALK_ORDER)
        .map(Node::id)
        .toList();
  }

  /**
   * Whether {@code maybeAncestor} is {@code commit} or one of its ancestors. Walks down from {@code
   * commit} but never below the generation of {@code maybeAncestor}, so it visits only the commits
   * between the two.
   *
   * @throws InternalStoreException if a parent the walk reads has a generation not lower than its
   *     child's
   */
  public static boolean isAncestor(CommitGraph graph, CommitId maybeAncestor, CommitId commit) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(maybeAncestor, "maybeAncestor");
    Objects.requireNonNull(commit, "commit");
    if (maybeAncestor.equals(commit)) {
      return true;
    }
    Generations generations = new Generations(graph);
    long floor = generations.of(maybeAncestor);
    Set<CommitId> seen = new HashSet<>();
    Deque<CommitId> toVisit = new ArrayDeque<>();
    toVisit.push(commit);
    seen.add(commit);
    while (!toVisit.isEmpty()) {
      CommitId current = toVisit.pop();
      long generation = generations.of(current);
      if (generation <= floor) {
        // At or below the ancestor's generation only the ancestor itself could match, and it
        // is checked before it is queued.
        continue;
      }
      for (CommitId parent : graph.parents(current)) {
        generations.checkParent(parent, current, generation);
        if (parent.equals(maybeAncestor)) {
          return true;
        }
        if (seen.add(parent)) {
          toVisit.push(parent);
        }
      }
    }
    return false;
  }

  /**
   * Drops each candidate that is an ancestor of another: it is a common ancestor, but not a nearest
   * one. Candidates are few (more than one only in criss-cross histories).
   */
  private static List<Node> withoutAncestorsOfOthers(CommitGraph graph, List<Node> candidates) {
    List<Node> nearest = new ArrayList<>();
    for (Node candidate : candidates) {
      boolean below = false;
      for (Node other : candidates) {
        if (!other.equals(candidate)
            && other.generation() > candidate.generation()
            && isAncestor(graph, candidate.id(), other.id())) {
          below = true;
          break;
        }
      }
      if (!below) {
        nearest.add(candidate);
      }
    }
    return nearest;
  }

  /** A commit with its generation, read once. */
  private record Node(CommitId id, long generation) {}

  /** The generations a walk reads, each read from the graph once. */
  private static final class Generations {
    private final CommitGraph graph;
    private final Map<CommitId, Long> read = new HashMap<>();

    Generations(CommitGraph graph) {
      this.graph = graph;
    }

    long of(CommitId commit) {
      return read.computeIfAbsent(commit, graph::generation);
    }

    /** Fails unless {@code parent}'s generation is lower than its child's. */
    void checkParent(CommitId parent, CommitId child, long childGeneration) {
      long generation = of(parent);
      if (generation >= childGeneration) {
        throw new InternalStoreException(
            "broken commit graph: commit "
                + parent
                + " has generation "
                + generation
                + ", not lower than the generation "
                + childGeneration
                + " of its child "
                + child,
            null);
      }
    }
  }

  /** One paint-down walk: the commits queued, and the paint of every commit reached. */
  private static final class Walk {
    private final CommitGraph graph;
    private final Generations generations;
    private final Map<CommitId, Integer> paint = new HashMap<>();
    private final TreeSet<Node> queue = new TreeSet<>(WALK_ORDER);
    private final Set<CommitId> queued = new HashSet<>();
    // How many queued commits are not stale, and how many of those carry each head's paint. Only
    // those can paint a commit with something new, so once either head's count is 0 no further
    // common ancestor can appear.
    private int queuedNotStale;
    private int queuedFromA;
    private int queuedFromB;

    Walk(CommitGraph graph) {
      this.graph = graph;
      this.generations = new Generations(graph);
    }

    List<Node> paintDownToCommon(CommitId a, CommitId b) {
      paint(a, FROM_A);
      paint(b, FROM_B);
      List<Node> common = new ArrayList<>();
      // Until a common ancestor is found the walk goes on regardless: in a sound graph one always
      // is, so a walk that runs dry first has read a broken part of the graph, and reading on
      // checks the generations that explain it.
      while (queuedNotStale > 0 && (common.isEmpty() || (queuedFromA > 0 && queuedFromB > 0))) {
        Node node = queue.pollFirst();
        queued.remove(node.id());
        int flags = paint.get(node.id());
        count(flags, -1);
        if ((flags & FROM_BOTH) == FROM_BOTH && (flags & STALE) == 0) {
          common.add(node);
          // Its ancestors are common ancestors too, but not nearest ones.
          flags |= STALE;
          paint.put(node.id(), flags);
        }
        for (CommitId parent : graph.parents(node.id())) {
          generations.checkParent(parent, node.id(), node.generation());
          paint(parent, flags);
        }
      }
      return common;
    }

    /**
     * Adds {@code flags} to {@code commit}'s paint; queues it if that adds anything, since only
     * then can it pass on something new to its parents.
     */
    private void paint(CommitId commit, int flags) {
      int before = paint.getOrDefault(commit, 0);
      int after = before | flags;
      if (after == before) {
        return;
      }
      paint.put(commit, after);
      if (queued.contains(commit)) {
        count(before, -1);
      } else {
        queue.add(new Node(commit, generations.of(commit)));
        queued.add(commit);
      }
      count(after, 1);
    }

    /** Counts a queued commit painted {@code flags} in ({@code 1}) or out ({@code -1}). */
    private void count(int flags, int delta) {
      if ((flags & STALE) != 0) {
        return;
      }
      queuedNotStale += delta;
      if ((flags & FROM_A) != 0) {
        queuedFromA += delta;
      }
      if ((flags & FROM_B) != 0) {
        queuedFromB += delta;
      }
    }
  }
}
