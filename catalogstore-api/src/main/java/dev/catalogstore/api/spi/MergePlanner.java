package dev.catalogstore.api.spi;

import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The three-way merge of DESIGN §2.7, planned once for every backend from the net changes of both
 * sides since their merge base ({@link NetChanges}, {@link MergeBase}). Per key:
 *
 * <ul>
 *   <li>changed only on the source: applied to the target (creates, updates and deletions alike) if
 *       the target still holds the content the source's change started from. A partial source
 *       branch may change a key it never copied, a create over a key the target holds for instance:
 *       the target then holds something else, and that is a conflict between the target's current
 *       content and the source's (unless both are the same: nothing to do);
 *   <li>changed only on the target, or on neither: kept as it is; a merge never reverts the target,
 *       and a key a partial source branch never had is simply not in its net changes, so it is
 *       never deleted;
 *   <li>changed on both sides to the same content: nothing to do, not a conflict;
 *   <li>changed on both sides to different contents (deleted on one, changed on the other
 *       included): a conflict, handled as the {@link MergeStrategy} says.
 * </ul>
 *
 * <p>The plan is computed from the net changes, plus the target's current content of the keys only
 * the source changed: its cost is linear in the changes of both sides since the base (then sorting
 * the result), never with the size of the catalog.
 */
public final class MergePlanner {
  private MergePlanner() {}

  /**
   * Plans the merge of the source into the target.
   *
   * <p>{@code FAIL} reports every conflict and then applies nothing at all. {@code SOURCE_WINS}
   * applies the source's content over the target's for each conflict; {@code TARGET_WINS} keeps the
   * target's; both list the conflicts they resolved in {@link MergePlan#resolved()}. A change whose
   * after equals its before counts as no change.
   *
   * @param sourceNet the source's net changes since the base, by key
   * @param targetNet the target's net changes since the same base, by key
   * @param targetCurrent the target's current content of a key (empty: the target has no such key);
   *     called only for keys the source changed and the target did not, which a backend reads from
   *     the target branch. For a full source branch it is always the source change's {@code
   *     before}; for a partial one it may differ, and then the key is a conflict
   * @param strategy what to do with conflicts
   * @throws InternalStoreException if a map holds a change under another key than its own
   */
  public static MergePlan plan(
      Map<AssetKey, AssetChange> sourceNet,
      Map<AssetKey, AssetChange> targetNet,
      Function<AssetKey, Optional<AssetContent>> targetCurrent,
      MergeStrategy strategy) {
    return plan(sourceNet, targetNet, targetCurrent, strategy, false);
  }

  /**
   * Plans the merge like {@link #plan(Map, Map, Function, MergeStrategy)}, into a target that may
   * be a partial branch: a key such a target never copied is absent from it, so the source's update
   * or deletion of that key is left out (the target does not track it) rather than reported as a
   * conflict. The source's creation of a key the target lacks is still applied.
   */
  public static MergePlan plan(
      Map<AssetKey, AssetChange> sourceNet,
      Map<AssetKey, AssetChange> targetNet,
      Function<AssetKey, Optional<AssetContent>> targetCurrent,
      MergeStrategy strategy,
      boolean targetPartial) {
    Objects.requireNonNull(targetCurrent, "targetCurrent");
    Objects.requireNonNull(strategy, "strategy");
    checkKeys(targetNet, "target");
    List<AssetChange> toApply = new ArrayList<>();
    List<MergeConflict> conflicts = new ArrayList<>();
    // Only the source's changes are visited: a key the source did not change is kept, whatever the
    // target did to it.
    for (Map.Entry<AssetKey, AssetChange> entry : sourceNet.entrySet()) {
      AssetChange source = checkKey(entry, "source");
      if (source.isNoOp()) {
        continue;
      }
      Optional<AssetChange> target =
          Optional.ofNullable(targetNet.get(entry.getKey())).filter(t -> !t.isNoOp());
      if (target.isPresent()) {
        if (!source.after().equals(target.get().after())) {
          conflicts.add(conflict(source, target.get()));
        }
        continue;
      }
      Optional<AssetContent> current =
          Objects.requireNonNull(targetCurrent.apply(source.key()), "targetCurrent");
      if (current.equals(source.before())) {
        toApply.add(source);
      } else if (targetPartial && current.isEmpty()) {
        // A key the partial target never copied: it does not track it, so it is left out.
        continue;
      } else if (!current.equals(source.after())) {
        // A partial source branch changed a key it never copied: the target holds other content
        // than the source started from. Already holding the source's content, it needs nothing.
        conflicts.add(new MergeConflict(source.key(), current, source.after(), current));
      }
    }
    return switch (strategy) {
      case FAIL -> conflicts.isEmpty() ? applied(toApply, List.of()) : failed(conflicts);
      case SOURCE_WINS -> applied(withSourceContents(toApply, conflicts), conflicts);
      case TARGET_WINS -> applied(toApply, conflicts);
    };
  }

  private static MergeConflict conflict(AssetChange source, AssetChange target) {
    // For a full branch both sides start from the same base content. A partial source branch sees a
    // key it never copied as absent, so the target's before is the base the target really had.
    return new MergeConflict(source.key(), target.before(), source.after(), target.after());
  }

  /** The source's content installed over the target's at each conflicting key. */
  private static List<AssetChange> withSourceContents(
      List<AssetChange> toApply, List<MergeConflict> conflicts) {
    for (MergeConflict c : conflicts) {
      toApply.add(new AssetChange(c.key(), c.target(), c.source()));
    }
    return toApply;
  }

  /** The plan sorts each list by key. */
  private static MergePlan applied(List<AssetChange> toApply, List<MergeConflict> resolved) {
    return new MergePlan(toApply, List.of(), resolved);
  }

  /** A merge with conflicts applies nothing, not even its changes that do not conflict. */
  private static MergePlan failed(List<MergeConflict> conflicts) {
    return new MergePlan(List.of(), conflicts, List.of());
  }

  private static void checkKeys(Map<AssetKey, AssetChange> net, String side) {
    for (Map.Entry<AssetKey, AssetChange> entry : net.entrySet()) {
      checkKey(entry, side);
    }
  }

  private static AssetChange checkKey(Map.Entry<AssetKey, AssetChange> entry, String side) {
    AssetChange change = Objects.requireNonNull(entry.getValue(), "change");
    if (!change.key().equals(entry.getKey())) {
      throw new InternalStoreException(
          "the "
              + side
              + "'s net changes hold a change of "
              + change.key()
              + " under the key "
              + entry.getKey(),
          null);
    }
    return change;
  }
}
