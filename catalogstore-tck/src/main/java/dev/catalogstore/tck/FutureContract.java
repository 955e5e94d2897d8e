package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous shape of the contract (DESIGN §2.1): a caller may chain store calls inside
 * {@code thenCompose} callbacks, also on an executor of one thread, without deadlock, and a failure
 * travels down the chain as the contract's exception.
 */
public abstract class FutureContract extends TckSuite {
  private final ExecutorService oneThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopTheExecutor() {
    oneThread.shutdownNow();
  }

  @Test
  void callsChainedInsideCallbacksOnAOneThreadExecutorComplete() {
    String name = uniqueName("tenant");
    NamespaceRef sales = NamespaceRef.of("cat", "sales");

    CompletableFuture<Asset> chain = store().tenants().create(NewTenant.named(name))
        .thenComposeAsync(created -> store()
            .warehouses().create(created.id(), NewWarehouse.of("wh", fileStorage("wh")))
            .thenComposeAsync(w -> store().catalogs().create(created.id(),
                NewCatalog.local("cat", "wh")), oneThread)
            .thenComposeAsync(c -> store().namespaces().create(created.id(), sales, Map.of()),
                oneThread)
            .thenComposeAsync(n -> store().assets().create(created.id(), assetOnMain(sales, "t"),
                NewAsset.of(AssetKind.ICEBERG_TABLE)), oneThread)
            .thenComposeAsync(t -> store().assets().commitMetadataLocation(created.id(),
                assetOnMain(sales, "t"), MetadataCommit.first("s3://b/t/v1.json")), oneThread),
            oneThread);

    assertThat(await(chain).metadataLocation()).contains("s3://b/t/v1.json");
  }

  @Test
  void aFailureTravelsDownAChainAsTheContractsException() {
    TenantId tenant = newTenant();

    CompletableFuture<String> chain = store().catalogs().get(tenant, "missing")
        .thenComposeAsync(none -> store().namespaces().create(tenant,
            NamespaceRef.of("missing", "ns"), Map.of()), oneThread)
        .handle((namespace, failure) -> {
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          assertThat(cause).isInstanceOf(NotFoundException.class);
          return "handled";
        });

    assertThat(await(chain)).isEqualTo("handled");
  }
}
