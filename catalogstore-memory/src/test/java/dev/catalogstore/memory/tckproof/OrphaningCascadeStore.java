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
 * Broken on purpose, an incomplete cascade: {@code deleteCatalog} removes the catalog but its
 * assets survive as orphans that {@code getAssetById} still finds, as in a backend whose cascade
 * forgot a table (or ran its steps outside one transaction and stopped half-way).
 */
final class OrphaningCascadeStore extends ForwardingCatalogStore {
  private record Owned(TenantId tenant, Asset asset) {}

  private final Map<AssetId, Owned> created = new ConcurrentHashMap<>();
  private final Map<AssetId, Owned> orphans = new ConcurrentHashMap<>();

  OrphaningCascadeStore() {
    super(new InMemoryCatalogStore());
  }

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
    return super.createAsset(tenant, asset, request).thenApply(stored -> {
      created.put(stored.id(), new Owned(tenant, stored));
      return stored;
    });
  }

  @Override
  public CompletableFuture<Void> deleteCatalog(TenantId tenant, String name) {
    return super.deleteCatalog(tenant, name).thenRun(() -> created.values().stream()
        .filter(o -> o.tenant().equals(tenant) && o.asset().ref().catalog().equals(name))
        .forEach(o -> orphans.put(o.asset().id(), o)));
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAssetById(TenantId tenant, AssetId id) {
    return super.getAssetById(tenant, id).thenApply(found -> {
      Owned orphan = id == null ? null : orphans.get(id);
      return found.isPresent() || orphan == null || !orphan.tenant().equals(tenant)
          ? found
          : Optional.of(orphan.asset());
    });
  }

  /** The TCK against this store; run only by {@link TckCatchesBrokenStoresTest}. */
  static final class TckRun extends CatalogStoreTck {
    private final CatalogStore store = new OrphaningCascadeStore();

    @Override
    protected CatalogStore store() {
      return store;
    }
  }
}
