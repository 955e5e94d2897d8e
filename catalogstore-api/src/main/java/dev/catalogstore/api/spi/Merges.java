package dev.catalogstore.api.spi;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.error.PreconditionFailedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A whole merge decided once for every backend: the merge base ({@link MergeBase}; for a
 * criss-cross history, the virtual base merged from all nearest common ancestors, {@link
 * VirtualBase}), both sides' net changes since it ({@link HistoryPath}), the plan ({@link
 * MergePlanner}), what kind of step it is, and the changes a merge commit records relative to its
 * second parent. A backend reads the two branches (locking the target's head), calls {@link
 * #decide}, and then applies the decision with its own storage primitives in one atomic step:
 *
 * <ul>
 *   <li>{@link MergeOutcome#CONFLICTED}: nothing; fail with {@link Decision#conflictFailure()}
 *       unless it is a dry run;
 *   <li>{@link MergeOutcome#UP_TO_DATE}: nothing;
 *   <li>{@link MergeOutcome#FAST_FORWARD}: apply {@code plan().toApply()} to the target's assets
 *       and move the target's head to the source's head;
 *   <li>{@link MergeOutcome#MERGED}: apply {@code plan().toApply()}, write a merge commit with
 *       parents (target head, source head) whose changes are {@code plan().toApply()} relative to
 *       the first parent and {@link Decision#secondParentChanges()} relative to the second, and
 *       move the target's head to it.
 * </ul>
 *
 * Applying a change keeps the id of an asset the target already has at that key; only a key the
 * target does not hold gets a new asset.
 */
public final class Merges {
  private Merges() {}

  /**
   * Fails with {@code PreconditionFailedException} if the source is an experimental branch, which
   * may not be merged into another branch.
   */
  public static void requireMergeable(BranchRef source, BranchType sourceType) {
    if (sourceType == BranchType.EXPERIMENTAL) {
      throw new PreconditionFailedException(
          "branch '"
              + source.branch()
              + "' of catalog '"
              + source.catalog()
              + "' is experimental and cannot be merged");
    }
  }

  /** The failure of a deletion of branch {@code main} of a catalog, which always has it. */
  public static PreconditionFailedException mainUndeletable(BranchRef main) {
    return new PreconditionFailedException(
        "branch '" + main.branch() + "' of catalog '" + main.catalog() + "' cannot be deleted");
  }

  /**
   * The failure of a merge that would create {@code key} on {@code target} in a namespace deleted
   * from the catalog since the source made it: the caller creates the namespace again and merges.
   */
  public static PreconditionFailedException namespaceGone(BranchRef target, AssetKey key) {
    return new PreconditionFailedException(
        "the merge would create "
            + key
            + " on branch '"
            + target.branch()
            + "' of catalog '"
            + target.catalog()
            + "', but its namespace "
            + key.namespace()
            + " no longer exists; create the namespace again and merge");
  }

  /**
   * Decides the merge of the source's head into the target's.
   *
   * @param history the catalog's commits, read by the backend
   * @param sourceHead the source's head
   * @param sourcePartial whether the source is a partial branch, which is never fast-forwarded to:
   *     its head's history does not describe the assets it never copied
   * @param targetHead the target's head, as locked by the backend for the merge
   * @param targetPartial whether the target is a partial branch, which leaves out the source's
   *     changes to keys it never copied ({@link MergePlanner#plan(Map, Map, Function,
   *     MergeStrategy, boolean)})
   * @param targetCurrent the target's current content at a key (empty: no asset there); called only
   *     for keys the source changed, at most once per key
   * @param strategy what to do with conflicts
   * @throws InternalStoreException if the heads share no history or the history is broken
   */
  public static Decision decide(
      CommitHistory history,
      CommitId sourceHead,
      boolean sourcePartial,
      CommitId targetHead,
      boolean targetPartial,
      Function<AssetKey, Optional<AssetContent>> targetCurrent,
      MergeStrategy strategy) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(targetCurrent, "targetCurrent");
    List<CommitId> ancestors = MergeBase.nearestCommonAncestors(history, sourceHead, targetHead);
    if (ancestors.isEmpty()) {
      throw new InternalStoreException(
          "commits " + sourceHead + " and " + targetHead + " share no history", null);
    }
    CommitId base = ancestors.get(0);
    if (base.equals(sourceHead)) {
      // The target already contains everything of the source: the same merge made again, or the
      // source never moved.
      return new Decision(
          MergeOutcome.UP_TO_DATE,
          base,
          sourceHead,
          targetHead,
          new MergePlan(List.of(), List.of(), List.of()),
          List.of());
    }
    // A criss-cross history is compared against the merge of its nearest common ancestors.
    Map<AssetKey, AssetChange> sourceNet = VirtualBase.netSince(history, ancestors, sourceHead);
    Map<AssetKey, AssetChange> targetNet =
        base.equals(targetHead) ? Map.of() : VirtualBase.netSince(history, ancestors, targetHead);
    Map<AssetKey, Optional<AssetContent>> readOnce = new HashMap<>();
    Function<AssetKey, Optional<AssetContent>> current =
        key -> readOnce.computeIfAbsent(key, targetCurrent);
    MergePlan plan = MergePlanner.plan(sourceNet, targetNet, current, strategy, targetPartial);
    MergeOutcome outcome;
    if (!plan.conflicts().isEmpty()) {
      outcome = MergeOutcome.CONFLICTED;
    } else if (base.equals(targetHead) && !sourcePartial) {
      outcome = MergeOutcome.FAST_FORWARD;
    } else if (plan.isNoOp()) {
      outcome = MergeOutcome.UP_TO_DATE;
    } else {
      outcome = MergeOutcome.MERGED;
    }
    List<AssetChange> secondParent =
        outcome == MergeOutcome.MERGED
            ? secondParentChanges(sourceNet, targetNet, plan, current)
            : List.of();
    return new Decision(outcome, base, sourceHead, targetHead, plan, secondParent);
  }

  /**
   * The target's contents after the merge relative to the source's head, at every key either side
   * changed since the base: the only keys where the two can differ, since elsewhere both still hold
   * the base's content.
   */
  private static List<AssetChange> secondParentChanges(
      Map<AssetKey, AssetChange> sourceNet,
      Map<AssetKey, AssetChange> targetNet,
      MergePlan plan,
      Function<AssetKey, Optional<AssetContent>> targetCurrent) {
    Map<AssetKey, AssetChange> applied = new HashMap<>();
    plan.toApply().forEach(change -> applied.put(change.key(), change));
    TreeSet<AssetKey> keys = new TreeSet<>(sourceNet.keySet());
    keys.addAll(targetNet.keySet());
    List<AssetChange> changes = new ArrayList<>();
    for (AssetKey key : keys) {
      AssetChange source = sourceNet.get(key);
      AssetChange target = targetNet.get(key);
      // The source's head holds its change's result, or else the base's content, which is where
      // the target's change started.
      Optional<AssetContent> atSource = source != null ? source.after() : target.before();
      Optional<AssetContent> merged;
      if (applied.containsKey(key)) {
        merged = applied.get(key).after();
      } else if (target != null) {
        merged = target.after();
      } else {
        merged = targetCurrent.apply(key);
      }
      if (!atSource.equals(merged)) {
        changes.add(new AssetChange(key, atSource, merged));
      }
    }
    return List.copyOf(changes);
  }

  /**
   * A merge decided: what kind of step it is and what it changes.
   *
   * @param outcome the kind of step
   * @param base the merge base: the nearest common ancestor, or for a criss-cross history the first
   *     of them in {@link MergeBase}'s order (the comparison then used the virtual base merged from
   *     all of them)
   * @param sourceHead the source's head merged
   * @param targetHead the target's head the decision was made on
   * @param plan the changes to apply to the target and the conflicts found or resolved
   * @param secondParentChanges for {@link MergeOutcome#MERGED}, the merge commit's changes relative
   *     to its second parent (the source's head), sorted by key; empty otherwise
   */
  public record Decision(
      MergeOutcome outcome,
      CommitId base,
      CommitId sourceHead,
      CommitId targetHead,
      MergePlan plan,
      List<AssetChange> secondParentChanges) {
    public Decision {
      secondParentChanges = List.copyOf(secondParentChanges);
    }

    /** The conflicts to report: those found ({@code CONFLICTED}) or those a strategy resolved. */
    public List<MergeConflict> reportedConflicts() {
      return outcome == MergeOutcome.CONFLICTED ? plan.conflicts() : plan.resolved();
    }

    /** The failure of a merge with strategy {@code FAIL} that found conflicts. */
    public MergeConflictException conflictFailure() {
      List<MergeConflict> conflicts = plan.conflicts();
      return new MergeConflictException(
          "the merge found "
              + conflicts.size()
              + (conflicts.size() == 1 ? " conflict" : " conflicts")
              + " and changed nothing: "
              + conflicts.stream().limit(10).map(c -> c.key().toString()).toList()
              + (conflicts.size() > 10 ? " and more" : ""),
          conflicts);
    }

    /**
     * The result to return.
     *
     * @param headAfter the target's head after the merge (for a dry run, or a step that changed
     *     nothing, the head as it was)
     * @param mergeCommit the merge commit written, if any
     * @param dryRun whether nothing was changed because the caller asked for a dry run
     */
    public MergeResult result(CommitId headAfter, Optional<CommitId> mergeCommit, boolean dryRun) {
      return new MergeResult(
          outcome,
          base,
          sourceHead,
          headAfter,
          mergeCommit,
          outcome == MergeOutcome.CONFLICTED ? List.of() : plan.toApply(),
          reportedConflicts(),
          dryRun);
    }
  }
}
