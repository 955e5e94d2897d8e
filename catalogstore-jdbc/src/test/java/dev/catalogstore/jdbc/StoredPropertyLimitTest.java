package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limit on stored properties (migration V2's {@code *_properties_ck} constraints): every update
 * that merges into a stored map fails with {@code InvalidArgumentException} on its field when the
 * result would exceed the limit, and changes nothing, while an update that keeps the count at the
 * limit succeeds.
 */
class StoredPropertyLimitTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("limits");
  private static final Map<String, String> FULL = full();
  private static final PropertyUpdate ONE_MORE = PropertyUpdate.setting("extra", "x");
  private static final PropertyUpdate ONE_FOR_ONE =
      new PropertyUpdate(Map.of("extra", "x"), Set.of("k0"));
  private static final NamespaceRef NS = NamespaceRef.of("cat", "db");

  private static JdbcCatalogStore store;
  private TenantId tenant;

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @BeforeEach
  void newTenant() {
    tenant = store.tenants().create(new NewTenant("limits-" + UUID.randomUUID(), FULL)).join().id();
    store
        .warehouses()
        .create(
            tenant,
            new NewWarehouse(
                "wh", StorageConfig.of(StorageType.FILE, "file:///wh"), Credentials.NONE, FULL))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh").withProperties(FULL)).join();
    store.namespaces().create(tenant, NS, FULL).join();
  }

  @Test
  void theLimitIsTheRequestLimit() {
    assertThat(StoredProperties.MAX_ENTRIES).isEqualTo(1000).isEqualTo(FULL.size());
  }

  @Test
  void tenantUpdates() {
    assertRefused(
        "update.properties",
        () -> store.tenants().update(tenant, TenantUpdate.builder().properties(ONE_MORE).build()),
        () -> store.tenants().get(tenant).join().orElseThrow());
    assertThat(
            store
                .tenants()
                .update(tenant, TenantUpdate.builder().properties(ONE_FOR_ONE).build())
                .join()
                .properties())
        .hasSize(1000);
  }

  @Test
  void warehouseUpdates() {
    assertRefused(
        "update.properties",
        () ->
            store
                .warehouses()
                .update(tenant, "wh", WarehouseUpdate.builder().properties(ONE_MORE).build()),
        () -> store.warehouses().get(tenant, "wh").join().orElseThrow());
    assertThat(
            store
                .warehouses()
                .update(tenant, "wh", WarehouseUpdate.builder().properties(ONE_FOR_ONE).build())
                .join()
                .properties())
        .hasSize(1000);
  }

  @Test
  void catalogUpdates() {
    assertRefused(
        "update.properties",
        () ->
            store
                .catalogs()
                .update(tenant, "cat", CatalogUpdate.builder().properties(ONE_MORE).build()),
        () -> store.catalogs().get(tenant, "cat").join().orElseThrow());
    assertThat(
            store
                .catalogs()
                .update(tenant, "cat", CatalogUpdate.builder().properties(ONE_FOR_ONE).build())
                .join()
                .properties())
        .hasSize(1000);
  }

  @Test
  void namespaceUpdates() {
    assertRefused(
        "update",
        () -> store.namespaces().updateProperties(tenant, NS, ONE_MORE),
        () -> store.namespaces().get(tenant, NS).join().orElseThrow());
    assertThat(store.namespaces().updateProperties(tenant, NS, ONE_FOR_ONE).join().properties())
        .hasSize(1000);
  }

  @Test
  void assetUpdates() {
    AssetRef table = newAsset("t");

    assertRefused(
        "update",
        () -> store.assets().updateProperties(tenant, table, ONE_MORE),
        () -> store.assets().get(tenant, table).join().orElseThrow());
    assertThat(store.assets().updateProperties(tenant, table, ONE_FOR_ONE).join().properties())
        .hasSize(1000);
  }

  @Test
  void aMetadataCommitThatWouldExceedTheLimitCommitsNothing() {
    AssetRef table = newAsset("t");

    assertRefused(
        "commit.properties",
        () ->
            store
                .assets()
                .commitMetadataLocation(
                    tenant,
                    table,
                    MetadataCommit.replacing("s3://t/v1.json", "s3://t/v2.json")
                        .withLocation("s3://moved/t")
                        .withProperties(ONE_MORE)),
        () ->
            List.of(
                store.assets().get(tenant, table).join().orElseThrow(),
                store.assets().history(tenant, table, PageRequest.firstPage()).join()));
    Asset committed =
        store
            .assets()
            .commitMetadataLocation(
                tenant,
                table,
                MetadataCommit.replacing("s3://t/v1.json", "s3://t/v2.json")
                    .withProperties(ONE_FOR_ONE))
            .join();
    assertThat(committed.properties()).hasSize(1000).containsEntry("extra", "x");
  }

  @Test
  void aMultiAssetCommitNamesThePartThatWouldExceedTheLimitAndCommitsNothing() {
    AssetRef first = newAsset("a");
    AssetRef second = newAsset("b");
    MetadataCommit fits = MetadataCommit.replacing("s3://t/v1.json", "s3://t/v2.json");

    assertRefused(
        "commits[1].commit.properties",
        () ->
            store
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(first, fits),
                        new AssetCommit(second, fits.withProperties(ONE_MORE)))),
        () ->
            List.of(
                store.assets().get(tenant, first).join().orElseThrow(),
                store.assets().get(tenant, second).join().orElseThrow()));
  }

  private AssetRef newAsset(String name) {
    AssetRef ref = AssetRef.onMain(NS, name);
    store
        .assets()
        .create(
            tenant,
            ref,
            NewAsset.builder(AssetKind.ICEBERG_TABLE)
                .metadataLocation("s3://t/v1.json")
                .properties(FULL)
                .build())
        .join();
    return ref;
  }

  /** The call fails on {@code field}, and what {@code state} reads is the same before and after. */
  private static void assertRefused(
      String field, Supplier<CompletableFuture<?>> call, Supplier<Object> state) {
    Object before = state.get();

    Throwable failure = catchThrowable(() -> call.get().join());

    assertThat(failure)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(((InvalidArgumentException) failure.getCause()).field()).isEqualTo(field);
    assertThat(state.get()).isEqualTo(before);
  }

  private static Map<String, String> full() {
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      properties.put("k" + i, "v" + i);
    }
    return Map.copyOf(properties);
  }
}
