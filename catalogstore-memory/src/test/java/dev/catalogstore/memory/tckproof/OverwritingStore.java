package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.ForwardingCatalogStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Broken on purpose, an overwrite: {@code createAsset} on a taken name replaces the existing asset
 * instead of failing, as an upsert ({@code INSERT … ON CONFLICT DO UPDATE}, {@code Map.put})
 * would.
 */
final class OverwritingStore extends ForwardingCatalogStore {
  OverwritingStore() {
    super(new InMemoryCatalogStore());
  }

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
    return super.createAsset(tenant, asset, request).exceptionallyCompose(failure -> {
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      if (!(cause instanceof AlreadyExistsException)) {
        return CompletableFuture.failedFuture(cause);
      }
      return delegate().deleteAsset(tenant, asset)
          .thenCompose(deleted -> delegate().createAsset(tenant, asset, request));
    });
  }

  /** The TCK against this store; run only by {@link TckCatchesBrokenStoresTest}. */
  static final class TckRun extends CatalogStoreTck {
    private final CatalogStore store = new OverwritingStore();

    @Override
    protected CatalogStore store() {
      return store;
    }
  }
}
