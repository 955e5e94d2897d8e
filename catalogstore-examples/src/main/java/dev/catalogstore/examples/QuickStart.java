package dev.catalogstore.examples;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The README's code sample, kept here so that it compiles and runs: {@code ReadmeTest} checks that
 * the README shows exactly the lines between the markers.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    // README:begin
    try (CatalogStore store = new InMemoryCatalogStore()) {
      TenantId acme = store.tenants().create(NewTenant.named("acme")).join().id();
      NamespaceRef q1 = NamespaceRef.of("prod", "sales", "2024.q1"); // "2024.q1" is one segment
      AssetRef orders = AssetRef.onMain(q1, "orders");
      String v1 = "s3://acme-lake/wh/orders/metadata/v1.metadata.json";
      String v2 = "s3://acme-lake/wh/orders/metadata/v2.metadata.json";

      // Every call returns a CompletableFuture; chain them, and wait only at the edge.
      Asset table =
          store
              .warehouses()
              .create(
                  acme,
                  NewWarehouse.of(
                      "lakehouse", StorageConfig.of(StorageType.S3, "s3://acme-lake/wh")))
              .thenCompose(
                  w -> store.catalogs().create(acme, NewCatalog.local("prod", "lakehouse")))
              .thenCompose(
                  c -> store.namespaces().create(acme, NamespaceRef.of("prod", "sales"), Map.of()))
              .thenCompose(n -> store.namespaces().create(acme, q1, Map.of()))
              .thenCompose(
                  n ->
                      store
                          .assets()
                          .create(
                              acme, orders, NewAsset.icebergTable("s3://acme-lake/wh/orders", v1)))
              .thenCompose(
                  t ->
                      store
                          .assets()
                          .commitMetadataLocation(acme, orders, MetadataCommit.replacing(v1, v2)))
              .join();
      System.out.println("committed " + table.metadataLocation().orElseThrow());

      // A writer still holding v1 loses the compare-and-set and learns the current location.
      try {
        store
            .assets()
            .commitMetadataLocation(
                acme,
                orders,
                MetadataCommit.replacing(v1, "s3://acme-lake/wh/orders/metadata/v2-other.json"))
            .join();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof ConflictException conflict)) {
          throw e;
        }
        System.out.println("lost the race; current is " + conflict.currentValue().orElseThrow());
      }

      // Keyset paging: hand the opaque token back until there is none.
      Optional<PageRequest> request = Optional.of(PageRequest.firstPage(50));
      while (request.isPresent()) {
        Page<Asset> page =
            store.assets().list(acme, orders.branch(), q1.path(), request.get()).join();
        page.items().forEach(asset -> System.out.println("table " + asset.ref()));
        request = page.nextPage(50);
      }
    }
    // README:end
  }
}
