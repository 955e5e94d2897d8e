package dev.catalogstore.api.tag;

import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The tags facet ({@code store.tags()}): fixed names for commits of a catalog.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own tag (compare the
 * commit it names); a retried {@code delete} that fails with {@code NotFoundException} landed.
 */
public interface Tags {
  /**
   * Creates tag {@code tag} on the commit {@code target} names, read atomically with the creation
   * (a branch's head as it is when the tag is written). {@code target} must name the tag's own
   * catalog ({@code InvalidArgumentException} on {@code target.catalog}); a commit id that is not a
   * commit of that catalog (one of another catalog included) is a {@code NotFoundException} with
   * {@code missing()} {@code COMMIT}, and a missing branch or tag a {@code NotFoundException}
   * saying which. A tag of that name already in the catalog is an {@code AlreadyExistsException}:
   * tags are never moved by a create.
   */
  CompletableFuture<Tag> create(TenantId tenant, TagRef tag, CommitRef target);

  /** Reads a tag; empty if it does not exist in the tenant. */
  CompletableFuture<Optional<Tag>> get(TenantId tenant, TagRef tag);

  /**
   * Lists the tags of {@code catalog} by name in code-point order, keyset-paged. Fails with {@code
   * NotFoundException} if the catalog does not exist.
   */
  CompletableFuture<Page<Tag>> list(TenantId tenant, String catalog, PageRequest page);

  /**
   * Deletes a tag; the commit it named stays. Fails with {@code NotFoundException} if it does not
   * exist.
   */
  CompletableFuture<Void> delete(TenantId tenant, TagRef tag);
}
