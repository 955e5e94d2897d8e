package dev.catalogstore.tck.version;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagingSuite;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Paging of {@code branches().list}: the rules of {@link PagingSuite} (code-point order, limits,
 * keyset paging while branches are created and deleted, spoiled tokens), each list in a catalog of
 * a fresh tenant. A catalog always has {@code main}, so the rules of a list the test owns entirely
 * (exact page sizes, the empty list) are the branch suites' own; a token of another tenant is
 * refused by {@code BranchIsolation}.
 */
public abstract class BranchPagingContract extends PagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("BRANCHES", () -> new BranchListing(newTenant())));
  }

  private final class BranchListing extends Listing {
    private final TenantId tenant;

    BranchListing(TenantId tenant) {
      this.tenant = tenant;
      newLocalCatalog(tenant, "lake");
    }

    @Override
    protected void create(String name) {
      await(
          store()
              .branches()
              .create(
                  tenant,
                  new BranchRef("lake", name),
                  NewBranch.from(CommitRef.head(BranchRef.main("lake")))));
    }

    @Override
    protected void delete(String name) {
      await(store().branches().delete(tenant, new BranchRef("lake", name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store()
          .branches()
          .list(tenant, "lake", request)
          .thenApply(page -> names(page, (Branch branch) -> branch.ref().branch()));
    }

    /** The test's branches: every branch but {@code main}, which every catalog has. */
    @Override
    protected List<String> own(List<String> listed) {
      return listed.stream().filter(name -> !name.equals(BranchRef.MAIN)).toList();
    }
  }
}
