package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time (DESIGN §2.8): every timestamp a store returns comes from its injected clock, truncated to
 * microseconds; {@code createdAt} is set once, {@code updatedAt} on every change, and a metadata
 * commit is stamped when it lands. These rules need a clock the TCK can stop, so they are skipped
 * for a backend whose test does not override {@link CatalogStoreTck#clock()}.
 */
public abstract class TimeContract extends TckSuite {
  /** A frozen instant with nanoseconds, which every store must cut to microseconds. */
  private static final Instant T0 = Instant.parse("2031-02-03T04:05:06.123456789Z");
  private static final Instant T0_MICROS = Instant.parse("2031-02-03T04:05:06.123456Z");
  private static final Duration LATER = Duration.ofHours(1);

  private TckClock clock;

  @BeforeEach
  void freezeTheClock() {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    clock = fixture().clock().get();
    clock.freezeAt(T0);
  }

  @AfterEach
  void resumeTheClock() {
    if (clock != null) {
      clock.resume();
    }
  }

  @Test
  void aTenantIsStampedByTheStoresClockOnCreateAndUpdate() {
    Tenant created = await(store().createTenant(NewTenant.named(uniqueName("tenant"))));
    clock.advance(LATER);
    Tenant updated =
        await(store().updateTenant(created.id(),
            TenantUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void aWarehouseIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    Warehouse created = await(store().createWarehouse(tenant, NewWarehouse.of("wh", fileStorage("wh"))));
    clock.advance(LATER);
    Warehouse updated = await(store().updateWarehouse(tenant, "wh",
        WarehouseUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void aCatalogIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    Catalog created = await(store().createCatalog(tenant, NewCatalog.local("cat", "wh")));
    clock.advance(LATER);
    Catalog updated = await(store().updateCatalog(tenant, "cat",
        CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void aNamespaceIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "db");
    Namespace created = await(store().createNamespace(tenant, ref, Map.of()));
    clock.advance(LATER);
    Namespace updated =
        await(store().replaceNamespaceProperties(tenant, ref, Map.of("k", "v")));

    assertStamped(created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void anAssetIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    AssetRef table = assetOnMain(newNamespaces(tenant, "cat", "db"), "t");
    Asset created = await(store().createAsset(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    clock.advance(LATER);
    Asset updated =
        await(store().updateAssetProperties(tenant, table, PropertyUpdate.setting("k", "v")));

    assertStamped(created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void aMetadataCommitIsStampedByTheStoresClock() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    AssetRef table = assetOnMain(newNamespaces(tenant, "cat", "db"), "t");
    await(store().createAsset(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    clock.advance(LATER);
    Asset committed =
        await(store().commitMetadataLocation(tenant, table, MetadataCommit.first("s3://b/v1.json")));

    Instant later = T0_MICROS.plus(LATER);
    assertThat(committed.updatedAt()).as("updatedAt of the committed asset").isEqualTo(later);
    assertThat(await(store().listMetadataHistory(tenant, table, PageRequest.firstPage()))
            .items().get(0).committedAt())
        .as("committedAt of the history entry")
        .isEqualTo(later);
  }

  private static void assertStamped(
      Instant createdAt, Instant updatedAt, Instant createdAfter, Instant updatedAfter) {
    assertThat(createdAt).as("createdAt: the clock's instant cut to microseconds").isEqualTo(T0_MICROS);
    assertThat(updatedAt).as("updatedAt of a new object").isEqualTo(T0_MICROS);
    assertThat(createdAfter).as("createdAt after an update").isEqualTo(T0_MICROS);
    assertThat(updatedAfter).as("updatedAt after an update").isEqualTo(T0_MICROS.plus(LATER));
  }
}
