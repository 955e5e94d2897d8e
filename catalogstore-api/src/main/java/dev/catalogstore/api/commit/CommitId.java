package dev.catalogstore.api.commit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a commit of a catalog's history. Commits are immutable, so the id never changes. */
public record CommitId(UUID value) {
  public CommitId {
    Objects.requireNonNull(value, "value");
  }

  /** A new, random id. */
  public static CommitId random() {
    return new CommitId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
