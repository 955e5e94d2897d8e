package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every committed metadata location is kept in the asset's history, newest first, as one gapless
 * chain per asset, paged, following the asset through a rename. (Gapless until maintenance prunes
 * it: {@code maintenance().expireSnapshots} and {@code removeOrphanFiles} remove entries and the
 * rest keep their sequences; the maintenance suites test histories with gaps.)
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MetadataHistoryContract extends MetadataPointerSuite {
  @Test
  void theHistoryListsEveryCommitNewestFirstAsOneGaplessChain() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    for (int n = 2; n <= 5; n++) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(n - 1), v(n))));
    }

    List<MetadataLocation> history = history(orders);

    assertThat(history).extracting(MetadataLocation::sequence).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(history)
        .extracting(MetadataLocation::location)
        .containsExactly(v(5), v(4), v(3), v(2), v(1));
    assertThat(history)
        .extracting(MetadataLocation::previousLocation)
        .containsExactly(
            Optional.of(v(4)),
            Optional.of(v(3)),
            Optional.of(v(2)),
            Optional.of(v(1)),
            Optional.empty());
    assertThat(history).allSatisfy(entry -> assertThat(entry.committedAt()).isNotNull());
  }

  @Test
  void theHistoryIsPagedNewestFirst() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    for (int n = 2; n <= 5; n++) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(n - 1), v(n))));
    }

    Page<MetadataLocation> first = historyPage(orders, PageRequest.firstPage(2));
    Page<MetadataLocation> second = historyPage(orders, first.nextPage(2).orElseThrow());
    Page<MetadataLocation> third = historyPage(orders, second.nextPage(2).orElseThrow());

    assertThat(first.items()).extracting(MetadataLocation::sequence).containsExactly(5L, 4L);
    assertThat(second.items()).extracting(MetadataLocation::sequence).containsExactly(3L, 2L);
    assertThat(third.items()).extracting(MetadataLocation::sequence).containsExactly(1L);
    assertThat(third.nextPageToken()).as("no token after the oldest entry").isEmpty();
  }

  @Test
  void theHistoryRefusesAPageTokenOfAnotherAssetOrTenant() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    AssetRef returns = tableWithMetadata("returns", v(1));
    for (AssetRef ref : List.of(orders, returns)) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, ref, MetadataCommit.replacing(v(1), v(2))));
    }
    TenantId twin = newTenant();
    newLocalCatalog(twin, CATALOG);
    newNamespaces(twin, CATALOG, "sales");
    await(store().assets().create(twin, orders, NewAsset.icebergTable("s3://twin/orders", v(1))));
    await(
        store()
            .assets()
            .commitMetadataLocation(twin, orders, MetadataCommit.replacing(v(1), v(2))));
    String token = historyPage(orders, PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    assertInvalid(
        "page.pageToken",
        () -> store().assets().history(tenant, returns, PageRequest.nextPage(token, 1)));
    assertInvalid(
        "page.pageToken",
        () -> store().assets().history(twin, orders, PageRequest.nextPage(token, 1)));
  }

  @Test
  void theHistoryOfAMissingAssetIsNotFound() {
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .history(tenant, assetOnMain(sales, "no-such-asset"), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .history(
                    tenant,
                    AssetRef.onMain("no-such-catalog", sales.path(), "orders"),
                    PageRequest.firstPage()));
  }

  @Test
  void theHistoryRejectsBadInputNamingTheField() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    PageRequest page = PageRequest.firstPage();

    assertInvalid("tenant", () -> store().assets().history(null, orders, page));
    assertInvalid("asset", () -> store().assets().history(tenant, null, page));
    assertInvalid(
        "asset.namespace[0]",
        () -> store().assets().history(tenant, orders.inNamespace(path(" ")), page));
    assertInvalid(
        "asset.name", () -> store().assets().history(tenant, orders.withName(null), page));
    assertInvalid("page", () -> store().assets().history(tenant, orders, null));
    assertInvalid(
        "page.limit", () -> store().assets().history(tenant, orders, PageRequest.firstPage(0)));
    assertInvalid(
        "page.pageToken",
        () -> store().assets().history(tenant, orders, PageRequest.nextPage("%%%", 10)));
  }

  @Test
  void theHistoryFollowsTheAssetThroughARenameAndContinuesItsSequence() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive");
    AssetRef orders = tableWithMetadata("orders", v(1));
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));
    AssetRef archived = assetOnMain(archive, "orders-2023");
    await(store().assets().rename(tenant, orders, archived));

    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, archived, MetadataCommit.replacing(v(2), v(3))));

    List<MetadataLocation> history = history(archived);
    assertThat(history)
        .extracting(MetadataLocation::sequence, MetadataLocation::location)
        .containsExactly(tuple(3L, v(3)), tuple(2L, v(2)), tuple(1L, v(1)));
    assertOneChain(history);
  }

  @Test
  void eachAssetsHistoryIsItsOwnGaplessChainWhileOtherAssetsCommitInBetween() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    AssetRef returns = tableWithMetadata("returns", "s3://lake/sales/returns/1.json");
    TenantId other = newTenant();
    newLocalCatalog(other, CATALOG);
    newNamespaces(other, CATALOG, "sales");
    await(store().assets().create(other, orders, NewAsset.icebergTable("s3://o/orders", v(1))));
    for (int n = 2; n <= 4; n++) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(n - 1), v(n))));
      await(
          store()
              .assets()
              .commitMetadataLocation(
                  tenant,
                  returns,
                  MetadataCommit.replacing(
                      "s3://lake/sales/returns/" + (n - 1) + ".json",
                      "s3://lake/sales/returns/" + n + ".json")));
      await(
          store()
              .assets()
              .commitMetadataLocation(other, orders, MetadataCommit.replacing(v(n - 1), v(n))));
    }

    List<MetadataLocation> ordersHistory = history(orders);
    List<MetadataLocation> returnsHistory = history(returns);

    assertOneChain(ordersHistory);
    assertOneChain(returnsHistory);
    assertThat(ordersHistory)
        .extracting(MetadataLocation::location)
        .containsExactly(v(4), v(3), v(2), v(1));
    assertThat(returnsHistory)
        .extracting(MetadataLocation::sequence)
        .containsExactly(4L, 3L, 2L, 1L);
    assertOneChain(PagedReads.all(page -> store().assets().history(other, orders, page)));
  }

  @Test
  void theHistoryOfAnAssetCreatedWithoutMetadataStartsAtOneWithItsFirstCommit() {
    AssetRef orders = tableWithoutMetadata("orders");
    tableWithMetadata("returns", v(1));
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, assetOnMain(sales, "returns"), MetadataCommit.replacing(v(1), v(2))));

    await(store().assets().commitMetadataLocation(tenant, orders, MetadataCommit.first(v(7))));
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(7), v(8))));

    List<MetadataLocation> history = history(orders);
    assertThat(history)
        .extracting(
            MetadataLocation::sequence,
            MetadataLocation::location,
            MetadataLocation::previousLocation)
        .containsExactly(tuple(2L, v(8), Optional.of(v(7))), tuple(1L, v(7), Optional.empty()));
  }

  private Page<MetadataLocation> historyPage(AssetRef ref, PageRequest page) {
    return await(store().assets().history(tenant, ref, page));
  }
}
