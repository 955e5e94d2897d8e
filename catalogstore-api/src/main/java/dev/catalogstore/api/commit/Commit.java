package dev.catalogstore.api.commit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One commit of a catalog's history: an immutable record of one change to a branch.
 *
 * <p>A catalog's history starts with its root commit, written when the catalog is created, which
 * has no parents and no operations. Every asset change on a branch appends a commit with one parent
 * (the branch's head before the change); a merge that is not a fast-forward appends a merge commit
 * with two parents: first the target's head before the merge, then the source's head that was
 * merged. The operations of a commit ({@link Commits#operations}) are its changes relative to its
 * first parent.
 *
 * @param id its id
 * @param catalog the name of the catalog it belongs to
 * @param parents its parents: none for the root commit, one for a change, two for a merge commit
 * @param meta the author and message given with the change, if any
 * @param createdAt when it was written, from the store's clock; never before its parents' times
 */
public record Commit(
    CommitId id, String catalog, List<CommitId> parents, CommitMeta meta, Instant createdAt) {
  public Commit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(catalog, "catalog");
    parents = List.copyOf(parents);
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Its first parent: the head it was written on; empty for the root commit. */
  public Optional<CommitId> firstParent() {
    return parents.isEmpty() ? Optional.empty() : Optional.of(parents.get(0));
  }

  /** Whether it is a merge commit (two parents). */
  public boolean isMerge() {
    return parents.size() > 1;
  }
}
