package dev.catalogstore.api.branch;

import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitRef;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a new branch starts from.
 *
 * @param from the commit it starts at: a branch's head, a tag or a commit id, of the new branch's
 *     own catalog
 * @param type what the branch is for
 * @param assets the keys of the assets to copy; empty for all of them. When present, the branch is
 *     partial: only these assets exist on it (keys {@code from} does not hold are skipped), and the
 *     others are absent rather than deleted, so merging the branch never deletes them
 */
public record NewBranch(CommitRef from, BranchType type, Optional<Set<AssetKey>> assets) {
  public NewBranch {
    Objects.requireNonNull(assets, "assets");
    assets = assets.map(Set::copyOf);
  }

  /** A full {@link BranchType#INGEST} branch starting at {@code from}. */
  public static NewBranch from(CommitRef from) {
    return new NewBranch(from, BranchType.INGEST, Optional.empty());
  }

  /** A full branch of {@code type} starting at {@code from}. */
  public static NewBranch from(CommitRef from, BranchType type) {
    return new NewBranch(from, type, Optional.empty());
  }

  /** A partial branch of {@code type} starting at {@code from} with only {@code assets}. */
  public static NewBranch partial(CommitRef from, BranchType type, Set<AssetKey> assets) {
    return new NewBranch(from, type, Optional.of(assets));
  }
}
