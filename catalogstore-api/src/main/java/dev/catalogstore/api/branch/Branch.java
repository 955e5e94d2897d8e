package dev.catalogstore.api.branch;

import dev.catalogstore.api.commit.CommitId;
import java.time.Instant;
import java.util.Objects;

/**
 * A branch of a catalog: a named line of history whose head moves with every change made on it.
 *
 * @param ref its address
 * @param type what it is for; {@code main} is {@link BranchType#INGEST}
 * @param head the commit it points at now
 * @param partial whether it was created for a subset of its source's assets: the assets it did not
 *     copy are absent from it, not deleted, so merging it never deletes them
 * @param createdAt when it was created
 * @param updatedAt when its head last moved (its creation time until then)
 */
public record Branch(
    BranchRef ref,
    BranchType type,
    CommitId head,
    boolean partial,
    Instant createdAt,
    Instant updatedAt) {
  public Branch {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
