package dev.catalogstore.api.commit;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.tag.TagRef;
import java.util.Objects;

/**
 * A way to name a commit of a catalog: the current head of a branch, the commit a tag names, or a
 * commit by id. Each form carries its catalog, so that a commit id is only ever looked for in the
 * catalog the caller meant.
 */
public sealed interface CommitRef {
  /** The name of the catalog the commit is looked for in. */
  String catalog();

  /** The current head of {@code branch}, read when the call runs. */
  static CommitRef head(BranchRef branch) {
    return new Head(branch);
  }

  /** The commit {@code tag} names. */
  static CommitRef tag(TagRef tag) {
    return new Tagged(tag);
  }

  /** The commit {@code id} of {@code catalog}. */
  static CommitRef id(String catalog, CommitId id) {
    return new ById(catalog, id);
  }

  /** The head of a branch. */
  record Head(BranchRef branch) implements CommitRef {
    public Head {
      Objects.requireNonNull(branch, "branch");
    }

    @Override
    public String catalog() {
      return branch.catalog();
    }
  }

  /** The commit a tag names. */
  record Tagged(TagRef tag) implements CommitRef {
    public Tagged {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String catalog() {
      return tag.catalog();
    }
  }

  /** A commit by id, in a catalog. */
  record ById(String catalog, CommitId id) implements CommitRef {
    public ById {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(id, "id");
    }
  }
}
