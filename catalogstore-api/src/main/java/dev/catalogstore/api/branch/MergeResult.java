package dev.catalogstore.api.branch;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.CommitId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a merge did (or, for a dry run, would do).
 *
 * @param outcome what happened to the target
 * @param base the merge base: the nearest common ancestor of both heads the merge compared. In a
 *     criss-cross history, where there are several, the first by generation (highest) then id (in
 *     UUID string order); the merge then compared against all of them merged, so the result does
 *     not depend on which one is named here
 * @param sourceHead the source's head that was merged
 * @param targetHead the target's head after the merge; for a dry run, its head as it is
 * @param mergeCommit the merge commit written (or, for a dry run, that would be written: empty)
 * @param applied the changes made to the target, each with the target's content before and the
 *     content installed, sorted by key; for a dry run, the changes it would make
 * @param conflicts for {@link MergeOutcome#CONFLICTED}, every conflict; with strategy {@code
 *     SOURCE_WINS} or {@code TARGET_WINS}, every conflict the strategy resolved. Sorted by key
 * @param dryRun whether this was a dry run, which changed nothing
 */
public record MergeResult(
    MergeOutcome outcome,
    CommitId base,
    CommitId sourceHead,
    CommitId targetHead,
    Optional<CommitId> mergeCommit,
    List<AssetChange> applied,
    List<MergeConflict> conflicts,
    boolean dryRun) {
  public MergeResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(sourceHead, "sourceHead");
    Objects.requireNonNull(targetHead, "targetHead");
    Objects.requireNonNull(mergeCommit, "mergeCommit");
    applied = List.copyOf(applied);
    conflicts = List.copyOf(conflicts);
  }
}
