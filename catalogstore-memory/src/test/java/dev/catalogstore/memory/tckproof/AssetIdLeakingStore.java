package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.ForwardingCatalogStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken on purpose, a cross-tenant leak: {@code getAssetById} that finds nothing under the
 * caller's tenant falls back to whichever tenant owns the id, as a backend would whose lookup by
 * id forgot the tenant in its key or its {@code WHERE}.
 */
final class AssetIdLeakingStore extends ForwardingCatalogStore {
  private final Map<AssetId, TenantId> owners = new ConcurrentHashMap<>();

  AssetIdLeakingStore() {
    super(new InMemoryCatalogStore());
  }

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
    return super.createAsset(tenant, asset, request).thenApply(created -> {
      owners.put(created.id(), tenant);
      return created;
    });
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAssetById(TenantId tenant, AssetId id) {
    return super.getAssetById(tenant, id).thenCompose(found -> {
      TenantId owner = owners.get(id);
      return found.isPresent() || owner == null
          ? CompletableFuture.completedFuture(found)
          : delegate().getAssetById(owner, id);
    });
  }

  /** The TCK against this store; run only by {@link TckCatchesBrokenStoresTest}. */
  static final class TckRun extends CatalogStoreTck {
    private final CatalogStore store = new AssetIdLeakingStore();

    @Override
    protected CatalogStore store() {
      return store;
    }
  }
}
