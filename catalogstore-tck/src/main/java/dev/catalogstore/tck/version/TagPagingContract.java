package dev.catalogstore.tck.version;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Paging of {@code tags().list}: the rules of {@link TenantScopedPagingSuite}, each list in a
 * catalog of a fresh tenant, its tags all on the head of {@code main}.
 */
public abstract class TagPagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("TAGS", () -> new TagListing(newTenant())));
  }

  private final class TagListing extends Listing {
    private final TenantId tenant;

    TagListing(TenantId tenant) {
      this.tenant = tenant;
      newLocalCatalog(tenant, "lake");
    }

    @Override
    protected void create(String name) {
      await(
          store()
              .tags()
              .create(tenant, new TagRef("lake", name), CommitRef.head(BranchRef.main("lake"))));
    }

    @Override
    protected void delete(String name) {
      await(store().tags().delete(tenant, new TagRef("lake", name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store()
          .tags()
          .list(tenant, "lake", request)
          .thenApply(page -> names(page, (Tag tag) -> tag.ref().tag()));
    }
  }
}
