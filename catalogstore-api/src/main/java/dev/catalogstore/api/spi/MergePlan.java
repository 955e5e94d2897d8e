package dev.catalogstore.api.spi;

import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.commit.AssetChange;
import java.util.ArrayList;
import java.util.Comparator;
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
  /**
   * Copies and sorts each list by key: the plan holds them unmodifiable.
   *
   * @throws IllegalArgumentException if both {@code toApply} and {@code conflicts} hold something
   */
  public MergePlan {
    toApply = sortedCopy(toApply, Comparator.comparing(AssetChange::key));
    conflicts = sortedCopy(conflicts, Comparator.comparing(MergeConflict::key));
    resolved = sortedCopy(resolved, Comparator.comparing(MergeConflict::key));
    if (!toApply.isEmpty() && !conflicts.isEmpty()) {
      throw new IllegalArgumentException(
          "a merge plan with conflicts applies nothing, but this one would apply "
              + toApply.size()
              + " changes despite conflicts at "
              + conflicts.stream().map(c -> c.key().toString()).toList());
    }
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

  private static <T> List<T> sortedCopy(List<T> list, Comparator<T> byKey) {
    List<T> sorted = new ArrayList<>(List.copyOf(list));
    sorted.sort(byKey);
    return List.copyOf(sorted);
  }
}
