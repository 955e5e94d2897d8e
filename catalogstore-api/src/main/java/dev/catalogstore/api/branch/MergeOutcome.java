package dev.catalogstore.api.branch;

/** What a merge did to its target (or, for a dry run, would do). */
public enum MergeOutcome {
  /**
   * Nothing: the source has no change the target does not already have (for example the same merge
   * made again). No commit is written and the target's head stays.
   */
  UP_TO_DATE,

  /**
   * The target had no change of its own since the merge base, so its head moved to the source's
   * head and its assets became the source's, without a merge commit. A partial source is never
   * fast-forwarded to: its head does not describe the target's assets.
   */
  FAST_FORWARD,

  /** A merge commit with two parents (the target's head, then the source's) was written. */
  MERGED,

  /**
   * Only in a dry run with strategy {@code FAIL}: the merge would fail with the conflicts listed. A
   * merge that is not a dry run fails with {@code MergeConflictException} instead.
   */
  CONFLICTED
}
