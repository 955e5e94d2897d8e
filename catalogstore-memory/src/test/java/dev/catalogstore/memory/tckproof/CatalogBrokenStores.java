package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Broken stores whose defect lives in the catalogs facet. */
final class CatalogBrokenStores {
  private CatalogBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(orphaningOnCatalogDeletion());
  }

  /**
   * A cascade that forgot a table (or ran its steps outside one transaction and stopped
   * half-way): the catalog is gone but its assets survive as orphans that a lookup by id finds.
   */
  static BrokenStore orphaningOnCatalogDeletion() {
    return new BrokenStore("orphaning-cascade",
        "catalogs.delete leaves the catalog's assets reachable by id",
        facets -> {
          record Owned(TenantId tenant, Asset asset) {}
          Map<AssetId, Owned> created = new ConcurrentHashMap<>();
          Map<AssetId, Owned> orphans = new ConcurrentHashMap<>();
          Assets assets = Intercept.facet(Assets.class, facets.assets())
              .replace("create", 3, call -> ((CompletableFuture<Asset>) call.proceed())
                  .thenApply(stored -> {
                    created.put(stored.id(), new Owned(call.arg(0, TenantId.class), stored));
                    return stored;
                  }))
              .replace("getById", 2, call -> {
                TenantId tenant = call.arg(0, TenantId.class);
                AssetId id = call.arg(1, AssetId.class);
                return ((CompletableFuture<Optional<Asset>>) call.proceed()).thenApply(found -> {
                  Owned orphan = id == null ? null : orphans.get(id);
                  return found.isPresent() || orphan == null || !orphan.tenant().equals(tenant)
                      ? found
                      : Optional.of(orphan.asset());
                });
              })
              .build();
          Catalogs catalogs = Intercept.facet(Catalogs.class, facets.catalogs())
              .replace("delete", 2, call -> {
                TenantId tenant = call.arg(0, TenantId.class);
                String name = call.arg(1, String.class);
                return ((CompletableFuture<Void>) call.proceed()).thenRun(() ->
                    created.values().stream()
                        .filter(o -> o.tenant().equals(tenant)
                            && o.asset().ref().catalog().equals(name))
                        .forEach(o -> orphans.put(o.asset().id(), o)));
              })
              .build();
          return facets.withAssets(assets).withCatalogs(catalogs);
        },
        List.of(
            test("CatalogCascades", "deletingACatalogRemovesItsNamespacesAssetsAndHistory"),
            test("CatalogCascades", "aCatalogRecreatedUnderItsNameStartsEmpty")));
  }
}
