package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every timestamp comes from the injected clock, truncated to microseconds. */
class ClockTest {
  private static final Instant START = Instant.parse("2024-03-01T10:15:30.123456789Z");
  private static final Instant START_MICROS = Instant.parse("2024-03-01T10:15:30.123456Z");

  private final TckClock clock = frozenAt(START);
  private final InMemoryCatalogStore store = new InMemoryCatalogStore(clock);

  @Test
  void theSystemTenantIsCreatedAtTheClocksTimeOfConstruction() {
    Tenant system = store.tenants().get(TenantId.SYSTEM).join().orElseThrow();
    assertThat(system.createdAt()).isEqualTo(START_MICROS);
  }

  @Test
  void createsAndUpdatesTakeTheClocksTimeTruncatedToMicroseconds() {
    Tenant created = store.tenants().create(NewTenant.named("t")).join();
    assertThat(created.createdAt()).isEqualTo(START_MICROS);
    assertThat(created.updatedAt()).isEqualTo(START_MICROS);

    clock.advance(Duration.ofMinutes(5));
    TenantUpdate nothing = TenantUpdate.builder().properties(PropertyUpdate.NONE).build();
    Tenant updated = store.tenants().update(created.id(), nothing).join();
    assertThat(updated.createdAt()).isEqualTo(START_MICROS);
    assertThat(updated.updatedAt()).isEqualTo(START_MICROS.plus(Duration.ofMinutes(5)));
  }

  @Test
  void metadataCommitsAreStampedWithTheClock() {
    TenantId tenant = store.tenants().create(NewTenant.named("t")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    NamespaceRef sales = NamespaceRef.of("lake", "sales");
    store.namespaces().create(tenant, sales, Map.of()).join();
    AssetRef orders = AssetRef.onMain(sales, "orders");
    store.assets().create(tenant, orders, NewAsset.icebergTable("s3://o", "s3://o/1")).join();

    clock.advance(Duration.ofSeconds(1));
    MetadataCommit commit = MetadataCommit.replacing("s3://o/1", "s3://o/2");
    Asset committed = store.assets().commitMetadataLocation(tenant, orders, commit).join();

    Instant later = START_MICROS.plusSeconds(1);
    assertThat(committed.createdAt()).isEqualTo(START_MICROS);
    assertThat(committed.updatedAt()).isEqualTo(later);
    List<MetadataLocation> history =
        store.assets().history(tenant, orders, PageRequest.firstPage()).join().items();
    assertThat(history)
        .extracting(MetadataLocation::committedAt)
        .containsExactly(later, START_MICROS);
  }

  private static TckClock frozenAt(Instant start) {
    TckClock clock = new TckClock();
    clock.freezeAt(start);
    return clock;
  }
}
