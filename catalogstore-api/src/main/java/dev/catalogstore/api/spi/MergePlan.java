package dev.catalogstore.api.spi;

import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.commit.AssetChange;
import java.util.List;

/**
 * What a merge does to its target, as {@link MergePlanner} decided it. Each list is sorted by key.
 *
 * @param toApply the changes to make on the target, all or none: {@code before} is the target's
 *     current content at the key (what the backend must find there), {@code after} the content to
 *     install (empty: delete the key). Empty whenever {@code conflicts} is not
 * @param conflicts the conflicts that stop the merge (strategy {@code FAIL} only); a merge with any
 *     applies nothing
 * @param resolved the conflicts a {@code SOURCE_WINS} or {@code TARGET_WINS} strategy resolved, so
 *     the result can say what was overridden or left out
 */
public record MergePlan(
    List<AssetChange> toApply, List<MergeConflict> conflicts, List<MergeConflict> resolved) {
  public MergePlan {
    toApply = List.copyOf(toApply);
    conflicts = List.copyOf(conflicts);
    resolved = List.copyOf(resolved);
  }

  /**
   * Whether the merge has nothing to do: nothing to apply, no conflict, nothing resolved. A backend
   * writes no merge commit for such a plan. A plan that only resolved conflicts in the target's
   * favour applies nothing yet is not a no-op: its merge commit moves the next merge's base past
   * those conflicts, so they are not reported again.
   */
  public boolean isNoOp() {
    return toApply.isEmpty() && conflicts.isEmpty() && resolved.isEmpty();
  }
}
