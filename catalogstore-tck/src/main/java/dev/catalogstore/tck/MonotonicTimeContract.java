package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time never runs backwards for a stored object: a change is stamped with the clock's instant, or
 * with the object's previous {@code updatedAt} if the clock reads earlier (it was set back, or
 * another application node's clock is behind). So {@code updatedAt} never precedes the previous one
 * or {@code createdAt}, and an asset's history times follow their sequence. This holds for every
 * method that changes an existing object, a branch whose head a change or a merge moves included.
 */
public abstract class MonotonicTimeContract extends TimeSuite {
  private static final PropertyUpdate SET = PropertyUpdate.setting("k", "v");

  @Test
  void aClockSetBackNeverStampsAChangeBeforeTheObjectsPreviousStamp() {
    clock.freezeAt(T0.plus(LATER));
    Instant stamped = T0_MICROS.plus(LATER);
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "lake");
    NamespaceRef sales = newNamespaces(tenant, "lake", "sales");
    AssetRef orders = assetOnMain(sales, "orders");
    AssetRef returns = assetOnMain(sales, "returns");
    await(store().assets().create(tenant, orders, NewAsset.icebergTable("s3://o", "s3://o/v1")));
    await(store().assets().create(tenant, returns, NewAsset.icebergTable("s3://r", "s3://r/v1")));

    clock.freezeAt(T0);

    Tenant t =
        await(store().tenants().update(tenant, TenantUpdate.builder().properties(SET).build()));
    Warehouse w =
        await(
            store()
                .warehouses()
                .update(tenant, "lake-wh", WarehouseUpdate.builder().properties(SET).build()));
    Catalog c =
        await(
            store()
                .catalogs()
                .update(tenant, "lake", CatalogUpdate.builder().properties(SET).build()));
    Namespace updated = await(store().namespaces().updateProperties(tenant, sales, SET));
    Namespace replaced = await(store().namespaces().replaceProperties(tenant, sales, Map.of()));
    Asset withProperty = await(store().assets().updateProperties(tenant, orders, SET));
    Asset committed =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, MetadataCommit.replacing("s3://o/v1", "s3://o/v2")));
    List<Asset> both =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(orders, MetadataCommit.replacing("s3://o/v2", "s3://o/v3")),
                        new AssetCommit(
                            returns, MetadataCommit.replacing("s3://r/v1", "s3://r/v2")))));
    Asset renamed = await(store().assets().rename(tenant, returns, returns.withName("refunds")));

    assertThat(
            List.of(
                t.updatedAt(),
                w.updatedAt(),
                c.updatedAt(),
                updated.updatedAt(),
                replaced.updatedAt(),
                withProperty.updatedAt(),
                committed.updatedAt(),
                both.get(0).updatedAt(),
                both.get(1).updatedAt(),
                renamed.updatedAt()))
        .as(
            "tenant, warehouse, catalog, namespace (update, replace), asset (properties, commit, "
                + "multi-asset commit of two, rename), all changed with the clock set back")
        .containsOnly(stamped);
    List<MetadataLocation> history =
        await(store().assets().history(tenant, orders, PageRequest.firstPage(10))).items();
    assertThat(history)
        .extracting(MetadataLocation::committedAt)
        .as("the history's times, newest first")
        .containsExactly(stamped, stamped, stamped);
  }

  @Test
  void aClockSetBackNeverMovesABranchsUpdatedAtBackwards() {
    clock.freezeAt(T0.plus(LATER));
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "lake");
    NamespaceRef sales = newNamespaces(tenant, "lake", "sales");
    BranchRef main = BranchRef.main("lake");
    AssetRef orders = assetOnMain(sales, "orders");
    await(store().assets().create(tenant, orders, NewAsset.icebergTable("s3://o", "s3://o/v1")));
    // Branches created later than the commit they start at.
    clock.freezeAt(T0.plus(LATER).plus(LATER));
    BranchRef dev = new BranchRef("lake", "dev");
    BranchRef target = new BranchRef("lake", "target");
    await(store().branches().create(tenant, dev, NewBranch.from(CommitRef.head(main))));
    await(store().branches().create(tenant, target, NewBranch.from(CommitRef.head(main))));
    Map<BranchRef, Branch> previous = new HashMap<>();
    for (BranchRef branch : List.of(main, dev, target)) {
      previous.put(branch, await(store().branches().get(tenant, branch)).orElseThrow());
    }

    clock.freezeAt(T0);
    AssetRef ordersOnDev = new AssetRef(dev, sales.path(), "orders");
    AssetRef ordersOnTarget = new AssetRef(target, sales.path(), "orders");
    await(store().assets().updateProperties(tenant, ordersOnDev, SET));
    assertNotBackwards(tenant, dev, previous, "a change on dev");
    await(
        store().assets().create(tenant, ordersOnTarget.withName("t"), NewAsset.of(AssetKind.FILE)));
    assertNotBackwards(tenant, target, previous, "a change on target");
    await(store().branches().merge(tenant, dev, target));
    assertNotBackwards(tenant, target, previous, "a merge into target");
    await(store().branches().merge(tenant, dev, main));
    assertNotBackwards(tenant, main, previous, "a fast-forward of main");
  }

  /** {@code branch} was not stamped before its times in {@code previous}, which it then updates. */
  private void assertNotBackwards(
      TenantId tenant, BranchRef branch, Map<BranchRef, Branch> previous, String after) {
    Branch now = await(store().branches().get(tenant, branch)).orElseThrow();
    Branch before = previous.put(branch, now);
    assertThat(now.createdAt())
        .as("createdAt of %s after %s", branch, after)
        .isEqualTo(before.createdAt());
    assertThat(now.updatedAt())
        .as("updatedAt of %s after %s, with the clock set back", branch, after)
        .isAfterOrEqualTo(before.updatedAt());
  }
}
