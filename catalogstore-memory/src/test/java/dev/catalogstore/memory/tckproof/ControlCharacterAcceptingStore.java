package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.ForwardingCatalogStore;
import java.util.concurrent.CompletableFuture;

/**
 * Broken on purpose, a validation gap: {@code createAsset} accepts an asset name with control
 * characters by quietly dropping them, as a backend would that "sanitises" input instead of
 * rejecting it. The caller believes it created {@code "orders\u0007"} and got {@code "orders"}.
 */
final class ControlCharacterAcceptingStore extends ForwardingCatalogStore {
  ControlCharacterAcceptingStore() {
    super(new InMemoryCatalogStore());
  }

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
    if (asset == null || asset.name() == null) {
      return super.createAsset(tenant, asset, request);
    }
    StringBuilder sanitised = new StringBuilder();
    asset.name().codePoints()
        .filter(c -> !Character.isISOControl(c))
        .forEach(sanitised::appendCodePoint);
    return super.createAsset(tenant, asset.withName(sanitised.toString()), request);
  }

  /** The TCK against this store; run only by {@link TckCatchesBrokenStoresTest}. */
  static final class TckRun extends CatalogStoreTck {
    private final CatalogStore store = new ControlCharacterAcceptingStore();

    @Override
    protected CatalogStore store() {
      return store;
    }
  }
}
