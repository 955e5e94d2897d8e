package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Paging of the two lists of the {@code assets()} facet: {@code assets().list} of a namespace (the
 * rules of {@link TenantScopedPagingSuite}, and a token bound to its catalog and namespace) and
 * {@code assets().history} of an asset (newest first, by sequence).
 *
 * <p>The contract's choice for an exactly full last page ({@code limit} equal to the items left):
 * the page has no next-page token, because {@link Page} carries one only when more items existed
 * when it was read. Paging while others change never repeats nor skips an item present throughout:
 * for a namespace's assets while others are created and deleted, for a history while commits land
 * (new entries are newer than the cursor, so they never appear on a later page).
 */
public abstract class AssetPagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("ASSETS", () -> new AssetListing(newTenant())));
  }

  // ---------------------------------------------------------------------------------------------
  // assets().list

  @Test
  void listAssetsPagedWhileOthersCreateAndDeleteNeverRepeatsOrSkipsAnAssetPresentThroughout() {
    AssetListing listing = new AssetListing(newTenant());
    List<String> throughout = List.of("b", "d", "f", "h", "j", "l");
    List<String> deletedOnTheWay = new ArrayList<>(List.of("g", "c", "k"));
    throughout.forEach(listing::create);
    deletedOnTheWay.forEach(listing::create);
    int[] changes = {0};

    List<String> read =
        readAll(
            listing,
            2,
            readSoFar -> {
              int change = changes[0]++;
              listing.create("a" + change);
              listing.create("i" + change);
              listing.create("z" + change);
              if (!deletedOnTheWay.isEmpty()) {
                listing.delete(deletedOnTheWay.remove(0));
              }
            });

    assertThat(changes[0]).as("pages read while the list changed").isGreaterThan(2);
    assertThat(read).doesNotHaveDuplicates().isSortedAccordingTo(CodePointOrder.STRINGS);
    assertThat(read).containsAll(throughout);
  }

  @Test
  void listAssetsEndsWithoutATokenWhenTheLastPageIsExactlyFull() {
    AssetListing listing = new AssetListing(newTenant());
    List.of("a", "b", "c", "d").forEach(listing::create);

    assertThat(pageSizes(listing, 1)).containsExactly("1+", "1+", "1+", "1");
    assertThat(pageSizes(listing, 2)).containsExactly("2+", "2");
    assertThat(pageSizes(listing, 4)).containsExactly("4");
    assertThat(readAll(listing, 1)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void anAssetsTokenIsBoundToItsNamespaceAndCatalog() {
    TenantId tenant = newTenant();
    List<NamespaceRef> namespaces = new ArrayList<>();
    for (String catalog : List.of("cat", "other")) {
      newLocalCatalog(tenant, catalog);
      namespaces.add(newNamespaces(tenant, catalog, "ns"));
    }
    namespaces.add(newNamespaces(tenant, "cat", "ns", "child"));
    namespaces.add(newNamespaces(tenant, "cat", "ns2"));
    namespaces.add(newNamespaces(tenant, "cat", "ns.child"));
    for (NamespaceRef namespace : namespaces) {
      for (String name : List.of("a", "b")) {
        await(
            store()
                .assets()
                .create(tenant, assetOnMain(namespace, name), NewAsset.of(AssetKind.FILE)));
      }
    }
    String token = tokenAfterFirst(list(tenant, namespaces.get(0), PageRequest.firstPage(1)));

    for (NamespaceRef other : namespaces.subList(1, namespaces.size())) {
      assertInvalid(TOKEN, () -> list(tenant, other, PageRequest.nextPage(token, 1)));
    }
    assertThat(
            names(
                    await(list(tenant, namespaces.get(0), PageRequest.nextPage(token, 1))),
                    (Asset a) -> a.ref().name())
                .items())
        .containsExactly("b");
  }

  @Test
  void aTokenOfTheHistoryIsRefusedByTheListAndTheOtherWayRound() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ns = newNamespaces(tenant, "cat", "ns");
    AssetRef t = assetOnMain(ns, "t");
    await(store().assets().create(tenant, t, NewAsset.icebergTable("s3://t", "s3://t/1.json")));
    await(store().assets().create(tenant, assetOnMain(ns, "u"), NewAsset.of(AssetKind.FILE)));
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, t, MetadataCommit.replacing("s3://t/1.json", "s3://t/2.json")));
    String listToken = tokenAfterFirst(list(tenant, ns, PageRequest.firstPage(1)));
    String historyToken =
        tokenAfterFirst(store().assets().history(tenant, t, PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> list(tenant, ns, PageRequest.nextPage(historyToken, 1)));
    assertInvalid(
        TOKEN, () -> store().assets().history(tenant, t, PageRequest.nextPage(listToken, 1)));
  }

  // ---------------------------------------------------------------------------------------------
  // assets().history

  @Test
  void theHistoryEndsWithoutATokenWhenTheLastPageIsExactlyFull() {
    History history = historyOf(4);

    assertThat(history.pageSizes(1)).containsExactly("1+", "1+", "1+", "1");
    assertThat(history.pageSizes(2)).containsExactly("2+", "2");
    assertThat(history.pageSizes(4)).containsExactly("4");
    assertThat(history.pageSizes(5)).containsExactly("4");
  }

  @Test
  void theHistoryInPagesOfOneIsTheWholeHistoryNewestFirst() {
    History history = historyOf(5);

    assertThat(history.readAll(1, () -> {}))
        .extracting(MetadataLocation::sequence)
        .containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(history.readAll(1, () -> {})).isEqualTo(history.readAll(1000, () -> {}));
  }

  @Test
  void theHistoryPagedWhileCommitsLandNeverRepeatsOrSkipsAnEarlierEntry() {
    History history = historyOf(6);
    List<MetadataLocation> before = history.readAll(1000, () -> {});

    List<MetadataLocation> read = history.readAll(2, history::commit);

    assertThat(history.commits).as("commits landed between pages").isGreaterThan(6);
    assertThat(read)
        .as("the entries present when paging began, each once, newest first")
        .isEqualTo(before);
  }

  @Test
  void anEmptyHistoryIsOneEmptyPageWithoutAToken() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    AssetRef t = assetOnMain(newNamespaces(tenant, "cat", "ns"), "t");
    await(store().assets().create(tenant, t, NewAsset.of(AssetKind.ICEBERG_TABLE)));

    Page<MetadataLocation> page =
        await(store().assets().history(tenant, t, PageRequest.firstPage(1)));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private CompletableFuture<Page<Asset>> list(
      TenantId tenant, NamespaceRef namespace, PageRequest page) {
    return store()
        .assets()
        .list(tenant, BranchRef.main(namespace.catalog()), namespace.path(), page);
  }

  /** A fresh table with {@code entries} committed metadata locations. */
  private History historyOf(int entries) {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    AssetRef table = assetOnMain(newNamespaces(tenant, "cat", "a.b", "c d"), "t");
    await(store().assets().create(tenant, table, NewAsset.icebergTable("s3://t", location(1))));
    History history = new History(tenant, table, 1);
    for (int n = 2; n <= entries; n++) {
      history.commit();
    }
    return history;
  }

  private static String location(int n) {
    return "s3://t/metadata/" + n + ".json";
  }

  /** The history of one table, which commits on demand. */
  private final class History {
    final TenantId tenant;
    final AssetRef table;
    int commits;

    History(TenantId tenant, AssetRef table, int commits) {
      this.tenant = tenant;
      this.table = table;
      this.commits = commits;
    }

    void commit() {
      await(
          store()
              .assets()
              .commitMetadataLocation(
                  tenant,
                  table,
                  MetadataCommit.replacing(location(commits), location(commits + 1))));
      commits++;
    }

    Page<MetadataLocation> read(PageRequest request) {
      return await(store().assets().history(tenant, table, request));
    }

    List<MetadataLocation> readAll(int limit, Runnable betweenPages) {
      List<MetadataLocation> read = new ArrayList<>();
      PageRequest request = PageRequest.firstPage(limit);
      for (int pages = 1; ; pages++) {
        Page<MetadataLocation> page = read(request);
        assertThat(page.items())
            .as("page %d with limit %d", pages, limit)
            .hasSizeLessThanOrEqualTo(limit);
        read.addAll(page.items());
        if (page.nextPageToken().isEmpty()) {
          return read;
        }
        assertThat(pages).as("pages read; the store keeps returning a next page").isLessThan(100);
        betweenPages.run();
        request = PageRequest.nextPage(page.nextPageToken().get(), limit);
      }
    }

    List<String> pageSizes(int limit) {
      List<String> sizes = new ArrayList<>();
      PageRequest request = PageRequest.firstPage(limit);
      while (true) {
        Page<MetadataLocation> page = read(request);
        sizes.add(page.items().size() + (page.nextPageToken().isPresent() ? "+" : ""));
        if (page.nextPageToken().isEmpty() || sizes.size() > 10) {
          return sizes;
        }
        request = PageRequest.nextPage(page.nextPageToken().get(), limit);
      }
    }
  }

  /** The assets of a namespace two levels down, with a dot and a space in its segments. */
  private final class AssetListing extends Listing {
    private final TenantId tenant;
    private final NamespaceRef namespace;

    AssetListing(TenantId tenant) {
      this.tenant = tenant;
      newLocalCatalog(tenant, "cat");
      this.namespace = newNamespaces(tenant, "cat", "parent.dotted", "p q");
      // Neighbours a careless list would mix in: a sibling, a child and a dotted look-alike.
      newNamespaces(tenant, "cat", "parent.dotted", "p q", "child");
      newNamespaces(tenant, "cat", "parent.dotted", "p q2");
      newNamespaces(tenant, "cat", "parent", "dotted", "p q");
    }

    @Override
    protected void create(String name) {
      await(
          store()
              .assets()
              .create(tenant, assetOnMain(namespace, name), NewAsset.of(AssetKind.ICEBERG_TABLE)));
      await(
          store()
              .assets()
              .create(
                  tenant,
                  assetOnMain(namespace.child("child"), name),
                  NewAsset.of(AssetKind.FILE)));
    }

    @Override
    protected void delete(String name) {
      await(store().assets().delete(tenant, assetOnMain(namespace, name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return list(tenant, namespace, request).thenApply(p -> names(p, (Asset a) -> a.ref().name()));
    }
  }
}
