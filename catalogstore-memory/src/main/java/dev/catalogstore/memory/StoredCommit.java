package dev.catalogstore.memory;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.Commit;
import java.util.List;

/**
 * One commit as the store keeps it: the immutable {@link Commit} value, its generation, and its
 * changes relative to each parent.
 *
 * @param commit the value returned to callers
 * @param generation 0 for the root, otherwise one more than its parents' highest
 * @param operations its changes relative to its first parent, sorted by key; the change at index i
 *     has ordinal i + 1
 * @param secondParentChanges for a merge commit, its changes relative to its second parent; empty
 *     otherwise
 */
record StoredCommit(
    Commit commit,
    long generation,
    List<AssetChange> operations,
    List<AssetChange> secondParentChanges) {
  StoredCommit {
    operations = List.copyOf(operations);
    secondParentChanges = List.copyOf(secondParentChanges);
  }
}
