package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.ForwardingCatalogStore;
import java.util.concurrent.CompletableFuture;

/**
 * Broken on purpose, a lost compare-and-set: {@code commitMetadataLocation} ignores the caller's
 * expected location and replaces whatever is stored, as a backend would that writes {@code UPDATE
 * … SET location = ?} without {@code AND location = ?}. A writer working from a stale table
 * version silently overwrites another writer's commit.
 */
final class LostCasStore extends ForwardingCatalogStore {
  LostCasStore() {
    super(new InMemoryCatalogStore());
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit) {
    if (commit == null) {
      return super.commitMetadataLocation(tenant, asset, null);
    }
    return delegate().getAsset(tenant, asset).thenCompose(current -> {
      MetadataCommit blind = current.flatMap(Asset::metadataLocation)
          .map(stored -> MetadataCommit.replacing(stored, commit.next()))
          .orElseGet(() -> MetadataCommit.first(commit.next()));
      return super.commitMetadataLocation(tenant, asset, blind);
    });
  }

  /** The TCK against this store; run only by {@link TckCatchesBrokenStoresTest}. */
  static final class TckRun extends CatalogStoreTck {
    private final CatalogStore store = new LostCasStore();

    @Override
    protected CatalogStore store() {
      return store;
    }
  }
}
