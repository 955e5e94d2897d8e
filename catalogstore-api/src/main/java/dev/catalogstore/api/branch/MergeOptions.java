package dev.catalogstore.api.branch;

import dev.catalogstore.api.commit.CommitMeta;
import java.util.Objects;

/**
 * How to merge.
 *
 * @param strategy what to do with conflicts; {@link MergeStrategy#FAIL} by default
 * @param dryRun whether to only report what the merge would do, changing nothing
 * @param meta the author and message of the merge commit, if one is written
 */
public record MergeOptions(MergeStrategy strategy, boolean dryRun, CommitMeta meta) {
  /** Strategy {@code FAIL}, not a dry run, no author or message. */
  public static final MergeOptions DEFAULT =
      new MergeOptions(MergeStrategy.FAIL, false, CommitMeta.NONE);

  public MergeOptions {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(meta, "meta");
  }

  /** These options with {@code other} as the strategy. */
  public MergeOptions withStrategy(MergeStrategy other) {
    return new MergeOptions(other, dryRun, meta);
  }

  /** These options as a dry run. */
  public MergeOptions asDryRun() {
    return new MergeOptions(strategy, true, meta);
  }

  /** These options with {@code other} as the merge commit's author and message. */
  public MergeOptions withMeta(CommitMeta other) {
    return new MergeOptions(strategy, dryRun, other);
  }
}
