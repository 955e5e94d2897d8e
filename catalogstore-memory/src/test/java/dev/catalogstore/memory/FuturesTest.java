package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the store hands back outcomes: completed futures, never a throw, and safe to chain. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FuturesTest {
  private static final String M1 = "s3://o/m1.json";
  private static final String M2 = "s3://o/m2.json";

  private final InMemoryCatalogStore store = new InMemoryCatalogStore();

  @Test
  void aStoreFailureBecomesAFailedFutureAsItIs() {
    NotFoundException missing = new NotFoundException(ObjectType.ASSET, "gone");
    CompletableFuture<Object> future =
        Futures.supply(
            () -> {
              throw missing;
            });
    assertThat(Outcomes.failureOf(future)).isSameAs(missing);
  }

  @Test
  void anyOtherRuntimeExceptionBecomesATypedFailureThatKeepsTheCause() {
    IllegalStateException defect = new IllegalStateException("defect");
    CompletableFuture<Object> future =
        Futures.supply(
            () -> {
              throw defect;
            });
    Throwable failure = Outcomes.failureOf(future);
    assertThat(failure).isInstanceOf(InternalStoreException.class).hasCause(defect);
    assertThat(((CatalogStoreException) failure).isRetryable()).isFalse();
  }

  @Test
  void everyCallIsCompleteWhenItReturns() {
    assertThat(store.tenants().create(NewTenant.named("done"))).isCompleted();
    assertThat(store.tenants().get(TenantId.random())).isCompleted();
    assertThat(Outcomes.failureOf(store.tenants().create(null)))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void storeCallsChainInsideThenComposeAlsoOnAOneThreadExecutor() {
    ExecutorService oneThread = Executors.newSingleThreadExecutor();
    NamespaceRef sales = NamespaceRef.of("lake", "sales");
    AssetRef orders = AssetRef.onMain(sales, "orders");
    try {
      Asset committed =
          store
              .tenants()
              .create(NewTenant.named("chained"))
              .thenApplyAsync(tenant -> tenant.id(), oneThread)
              .thenComposeAsync(
                  tenant ->
                      store
                          .warehouses()
                          .create(
                              tenant,
                              NewWarehouse.of(
                                  "wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
                          .thenCompose(
                              wh -> store.catalogs().create(tenant, NewCatalog.local("lake", "wh")))
                          .thenCompose(c -> store.namespaces().create(tenant, sales, Map.of()))
                          .thenComposeAsync(
                              ns ->
                                  store
                                      .assets()
                                      .create(tenant, orders, NewAsset.icebergTable("s3://o", M1)),
                              oneThread)
                          .thenCompose(
                              asset ->
                                  store
                                      .assets()
                                      .commitMetadataLocation(
                                          tenant, orders, MetadataCommit.replacing(M1, M2))),
                  oneThread)
              .join();
      assertThat(committed.metadataLocation()).contains(M2);
    } finally {
      oneThread.shutdownNow();
    }
  }
}
