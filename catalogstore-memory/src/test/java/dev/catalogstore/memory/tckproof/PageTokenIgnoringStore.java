package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.ForwardingCatalogStore;
import java.util.concurrent.CompletableFuture;

/**
 * Broken on purpose, a list that ignores its page token: {@code listAssets} always returns the
 * first page, so a caller paging through a namespace sees the first items again and again, and
 * a token minted for another tenant or list is accepted instead of refused.
 */
final class PageTokenIgnoringStore extends ForwardingCatalogStore {
  PageTokenIgnoringStore() {
    super(new InMemoryCatalogStore());
  }

  @Override
  public CompletableFuture<Page<Asset>> listAssets(
      TenantId tenant, BranchRef branch, NamespacePath namespace, PageRequest page) {
    PageRequest first = page == null ? null : PageRequest.firstPage(page.limit());
    return super.listAssets(tenant, branch, namespace, first);
  }

  /** The TCK against this store; run only by {@link TckCatchesBrokenStoresTest}. */
  static final class TckRun extends CatalogStoreTck {
    private final CatalogStore store = new PageTokenIgnoringStore();

    @Override
    protected CatalogStore store() {
      return store;
    }
  }
}
