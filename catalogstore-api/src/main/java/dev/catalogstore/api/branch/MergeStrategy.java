package dev.catalogstore.api.branch;

/**
 * What a merge does with a conflict: a key changed on both the source and the target since their
 * merge base to different contents, or deleted on one side and changed on the other. Changes made
 * on one side only never conflict, whatever the strategy.
 */
public enum MergeStrategy {
  /**
   * The default: a merge that finds any conflict applies nothing at all, not even its
   * non-conflicting changes, and reports every conflict with its base, source and target contents.
   */
  FAIL,

  /**
   * Each conflict is resolved with the source's content (a deletion on the source deletes on the
   * target); the merge reports which keys it overrode.
   */
  SOURCE_WINS,

  /**
   * Each conflict is resolved by keeping the target's content; the merge reports which of the
   * source's changes it left out.
   */
  TARGET_WINS
}
