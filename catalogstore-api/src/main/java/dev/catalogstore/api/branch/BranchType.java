package dev.catalogstore.api.branch;

/** What a branch is for, which decides whether it may be merged into another branch. */
public enum BranchType {
  /** A branch whose changes are meant to be merged back, for example a write-audit-publish run. */
  INGEST,

  /**
   * A branch for trying things out: merging it into another branch fails with {@code
   * PreconditionFailedException}. Other branches may still be merged into it.
   */
  EXPERIMENTAL
}
