package dev.catalogstore.memory;

import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;

/**
 * Resolving a {@link CommitRef} to a commit of its catalog, under the tenant's lock, so the commit
 * found is the one a change made in the same locked step starts from.
 */
final class CommitRefs {
  private CommitRefs() {}

  /** A commit a reference named, with the catalog it was found in. */
  record Resolved(CatalogState catalog, CommitId commit) {}

  /**
   * The catalog of {@code ref} and the commit it names now; {@code NotFoundException} naming the
   * catalog, or the branch, tag or commit that does not exist in it (a commit id of another catalog
   * included).
   */
  static Resolved resolve(TenantState state, TenantId tenant, CommitRef ref) {
    CatalogState catalog =
        state
            .catalog(ref.catalog())
            .orElseThrow(() -> Missing.along(ObjectType.CATALOG, tenant, ref));
    Optional<CommitId> commit;
    ObjectType missing;
    if (ref instanceof CommitRef.Head head) {
      commit = catalog.branch(head.branch().branch()).map(BranchState::head);
      missing = ObjectType.BRANCH;
    } else if (ref instanceof CommitRef.Tagged tagged) {
      commit = Optional.ofNullable(catalog.tags().get(tagged.tag().tag())).map(Tag::commit);
      missing = ObjectType.TAG;
    } else {
      CommitId id = ((CommitRef.ById) ref).id();
      commit = catalog.commits().find(id).map(stored -> id);
      missing = ObjectType.COMMIT;
    }
    return new Resolved(catalog, commit.orElseThrow(() -> Missing.along(missing, tenant, ref)));
  }
}
