package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A multi-asset commit is one step under the tenant's lock: a reader holding that lock (as every
 * read of this store does) sees every asset of a commit before it or every one after it, never a
 * mix; and a commit refused for one part (a stale expectation, too many properties) wrote nothing
 * to any asset, its history included.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MultiAssetCommitTest {
  private static final NamespaceRef SALES = NamespaceRef.of("lake", "sales");
  private static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  private static final AssetRef ITEMS = AssetRef.onMain(SALES, "items");

  private final InMemoryCatalogStore store = new InMemoryCatalogStore();
  private TenantId tenant;
  private AssetId ordersId;
  private AssetId itemsId;

  @BeforeEach
  void twoTablesAtVersionZero() {
    tenant = store.tenants().create(NewTenant.named("t")).join().id();
    StorageConfig storage = StorageConfig.of(StorageType.FILE, "file:///wh");
    store.warehouses().create(tenant, NewWarehouse.of("wh", storage)).join();
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    store.namespaces().create(tenant, SALES, Map.of()).join();
    ordersId = store.assets().create(tenant, ORDERS, table("orders", 0)).join().id();
    itemsId = store.assets().create(tenant, ITEMS, table("items", 0)).join().id();
  }

  @Test
  void aReaderUnderTheTenantLockNeverSeesHalfACommit() throws Exception {
    int commits = 2000;
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Integer> reader =
        CompletableFuture.supplyAsync(
            () -> {
              int reads = 0;
              while (writing.get() || reads == 0) {
                List<Long> versions =
                    store
                        .registry()
                        .read(
                            tenant,
                            state -> List.of(version(state, ordersId), version(state, itemsId)));
                assertThat(versions.get(0))
                    .as("versions read in one step")
                    .isEqualTo(versions.get(1));
                reads++;
              }
              return reads;
            });
    try {
      for (int v = 1; v <= commits; v++) {
        store
            .assets()
            .commitMetadataLocations(
                tenant, List.of(advance(ORDERS, "orders", v), advance(ITEMS, "items", v)))
            .join();
      }
    } finally {
      writing.set(false);
    }
    assertThat(reader.get()).isPositive();
    assertThat(store.assets().get(tenant, ITEMS).join().orElseThrow().metadataLocation())
        .contains(metadata("items", commits));
  }

  @Test
  void aCommitRefusedForOneStaleAssetWritesNothingToAnyAsset() {
    Asset ordersBefore = store.assets().get(tenant, ORDERS).join().orElseThrow();
    Asset itemsBefore = store.assets().get(tenant, ITEMS).join().orElseThrow();
    AssetCommit fresh =
        new AssetCommit(
            ORDERS,
            MetadataCommit.replacing(metadata("orders", 0), metadata("orders", 1))
                .withLocation("s3://moved/orders")
                .withProperties(PropertyUpdate.setting("owner", "ana")));
    AssetCommit stale =
        new AssetCommit(ITEMS, MetadataCommit.replacing("s3://stale.json", metadata("items", 1)));

    Throwable failure =
        Outcomes.failureOf(store.assets().commitMetadataLocations(tenant, List.of(fresh, stale)));

    assertThat(failure)
        .isInstanceOfSatisfying(
            AssetsConflictException.class,
            e ->
                assertThat(e.conflicts())
                    .containsExactly(
                        new AssetsConflictException.StaleAsset(
                            ITEMS,
                            Optional.of("s3://stale.json"),
                            Optional.of(metadata("items", 0)))));
    assertThat(store.assets().get(tenant, ORDERS).join()).contains(ordersBefore);
    assertThat(store.assets().get(tenant, ITEMS).join()).contains(itemsBefore);
    assertThat(history(ORDERS)).containsExactly(metadata("orders", 0));
    assertThat(history(ITEMS)).containsExactly(metadata("items", 0));
  }

  @Test
  void aCommitWhoseSecondPartWouldStoreTooManyPropertiesWritesNothingToAnyAsset() {
    Map<String, String> full = new HashMap<>();
    for (int i = 0; i < StoredProperties.MAX_ENTRIES; i++) {
      full.put("key" + i, "value");
    }
    store.assets().updateProperties(tenant, ITEMS, PropertyUpdate.setting(full)).join();
    Asset ordersBefore = store.assets().get(tenant, ORDERS).join().orElseThrow();
    Asset itemsBefore = store.assets().get(tenant, ITEMS).join().orElseThrow();
    AssetCommit first = advance(ORDERS, "orders", 1);
    AssetCommit second =
        new AssetCommit(
            ITEMS,
            MetadataCommit.replacing(metadata("items", 0), metadata("items", 1))
                .withProperties(PropertyUpdate.setting("one-too-many", "value")));

    Throwable failure =
        Outcomes.failureOf(store.assets().commitMetadataLocations(tenant, List.of(first, second)));

    assertThat(failure)
        .isInstanceOfSatisfying(
            InvalidArgumentException.class,
            e -> assertThat(e.field()).isEqualTo("commits[1].commit.properties"));
    assertThat(store.assets().get(tenant, ORDERS).join()).contains(ordersBefore);
    assertThat(store.assets().get(tenant, ITEMS).join()).contains(itemsBefore);
    assertThat(history(ORDERS)).containsExactly(metadata("orders", 0));
    assertThat(history(ITEMS)).containsExactly(metadata("items", 0));
  }

  private List<String> history(AssetRef asset) {
    return store.assets().history(tenant, asset, PageRequest.firstPage()).join().items().stream()
        .map(MetadataLocation::location)
        .toList();
  }

  /** The version in the asset's metadata file name, read under the lock the caller holds. */
  private static long version(TenantState state, AssetId id) {
    String location = state.asset(id).orElseThrow().asset().metadataLocation().orElseThrow();
    int start = location.lastIndexOf("/v") + 2;
    return Long.parseLong(location.substring(start, location.length() - ".json".length()));
  }

  private static AssetCommit advance(AssetRef asset, String name, int version) {
    return new AssetCommit(
        asset, MetadataCommit.replacing(metadata(name, version - 1), metadata(name, version)));
  }

  private static NewAsset table(String name, int version) {
    return NewAsset.icebergTable("s3://wh/" + name, metadata(name, version));
  }

  private static String metadata(String name, int version) {
    return "s3://wh/" + name + "/metadata/v" + version + ".json";
  }
}
