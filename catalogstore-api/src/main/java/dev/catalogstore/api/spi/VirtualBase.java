package dev.catalogstore.api.spi;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merge base of a criss-cross history, where two heads have several nearest common ancestors
 * and none contains the others. Comparing against any single one of them reports changes the other
 * side already has as changes of its own (and so false conflicts), depending on which one is
 * picked. So, like git's recursive merge, the merge compares against a virtual base: the merge of
 * the nearest common ancestors themselves.
 *
 * <p>It is kept as a difference from the first ancestor ({@link #shifts}): the keys where the
 * virtual base holds other content than that commit. Each ancestor after the first is merged in
 * three-way from its merge base with the first: a key only it changed takes its content; a key both
 * changed to different contents keeps their common base's content, so that the later merge sees
 * both changes and reports them as the conflict they are. Costs the commits between the ancestors
 * and their bases, never the catalog's size.
 */
final class VirtualBase {
  private VirtualBase() {}

  /**
   * Where the merge of {@code ancestors} differs from the first of them, by key: the content at the
   * first ancestor and the virtual base's content.
   */
  static Map<AssetKey, Shift> shifts(CommitHistory history, List<CommitId> ancestors) {
    CommitId first = ancestors.get(0);
    Map<AssetKey, Shift> shifts = new HashMap<>();
    for (CommitId other : ancestors.subList(1, ancestors.size())) {
      CommitId base =
          MergeBase.find(history, first, other)
              .orElseThrow(
                  () ->
                      new InternalStoreException(
                          "commits " + first + " and " + other + " share no history", null));
      Map<AssetKey, AssetChange> toFirst = HistoryPath.netChanges(history, base, first);
      Map<AssetKey, AssetChange> toOther = HistoryPath.netChanges(history, base, other);
      // Keys only the first ancestor changed keep its content: nothing shifts there.
      toOther.forEach(
          (key, theirs) -> {
            Optional<AssetContent> atBase = theirs.before();
            Optional<AssetContent> atFirst =
                toFirst.containsKey(key) ? toFirst.get(key).after() : atBase;
            Shift earlier = shifts.get(key);
            Optional<AssetContent> ours = earlier != null ? earlier.virtual() : atFirst;
            Optional<AssetContent> merged;
            if (ours.equals(theirs.after()) || theirs.after().equals(atBase)) {
              merged = ours;
            } else if (ours.equals(atBase)) {
              merged = theirs.after();
            } else {
              // The ancestors disagree: the base before both, so both changes stay visible.
              merged = atBase;
            }
            if (merged.equals(atFirst)) {
              shifts.remove(key);
            } else {
              shifts.put(key, new Shift(atFirst, merged));
            }
          });
    }
    return Collections.unmodifiableMap(shifts);
  }

  /**
   * One side's net changes since the first ancestor, made relative to the virtual base: a change's
   * {@code before} becomes the virtual base's content, and a key the side did not change since the
   * first ancestor but that the virtual base shifted is a change from the virtual base back to the
   * first ancestor's content. Changes that no longer change anything are dropped.
   */
  static Map<AssetKey, AssetChange> rebase(
      Map<AssetKey, AssetChange> sinceFirst, Map<AssetKey, Shift> shifts) {
    if (shifts.isEmpty()) {
      return sinceFirst;
    }
    Map<AssetKey, AssetChange> rebased = new HashMap<>();
    sinceFirst.forEach(
        (key, change) -> {
          Shift shift = shifts.get(key);
          Optional<AssetContent> before = shift != null ? shift.virtual() : change.before();
          put(rebased, key, before, change.after());
        });
    shifts.forEach(
        (key, shift) -> {
          if (!sinceFirst.containsKey(key)) {
            put(rebased, key, shift.virtual(), shift.atFirst());
          }
        });
    return Collections.unmodifiableMap(rebased);
  }

  private static void put(
      Map<AssetKey, AssetChange> changes,
      AssetKey key,
      Optional<AssetContent> before,
      Optional<AssetContent> after) {
    if (!before.equals(after)) {
      changes.put(key, new AssetChange(key, before, after));
    }
  }

  /**
   * A key where the virtual base differs from the first ancestor.
   *
   * @param atFirst the content at the first ancestor (empty: absent there)
   * @param virtual the virtual base's content (empty: absent in it)
   */
  record Shift(Optional<AssetContent> atFirst, Optional<AssetContent> virtual) {}
}
