package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TimeSuite;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code assets()} facet: its timestamps come from the store's clock, cut to
 * microseconds (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class AssetTimeContract extends TimeSuite {
  @Test
  void anAssetIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    AssetRef table = assetOnMain(newNamespaces(tenant, "cat", "db"), "t");
    Asset created =
        await(store().assets().create(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    clock.advance(LATER);
    Asset updated =
        await(store().assets().updateProperties(tenant, table, PropertyUpdate.setting("k", "v")));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void aMetadataCommitIsStampedByTheStoresClock() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    AssetRef table = assetOnMain(newNamespaces(tenant, "cat", "db"), "t");
    await(store().assets().create(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    clock.advance(LATER);
    Asset committed =
        await(store().assets().commitMetadataLocation(
            tenant, table, MetadataCommit.first("s3://b/v1.json")));

    Instant later = T0_MICROS.plus(LATER);
    assertThat(committed.updatedAt()).as("updatedAt of the committed asset").isEqualTo(later);
    assertThat(await(store().assets().history(tenant, table, PageRequest.firstPage()))
            .items().get(0).committedAt())
        .as("committedAt of the history entry")
        .isEqualTo(later);
  }
}
