package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code assets().list} narrowed to a set of kinds: only assets of those kinds, directly in the
 * namespace, by name in code-point order, keyset-paged. The store skips the other kinds, so every
 * page but the last holds {@code limit} matching assets however many others lie in between, and a
 * page has a next-page token if and only if more matching assets exist (so an exactly full last
 * page has none: the contract of {@link Page}). A page token is bound to the set of kinds: one
 * minted for another set (the full set of the unnarrowed list included) is refused on {@code
 * page.pageToken}. A null or empty set, or one holding null, is refused on {@code kinds}.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class KindsListingContract extends LakeTenantSuite {
  private static final Set<AssetKind> TABLES = EnumSet.of(AssetKind.ICEBERG_TABLE);
  private static final Set<AssetKind> VIEWS =
      EnumSet.of(AssetKind.ICEBERG_VIEW, AssetKind.SQL_VIEW);

  @Test
  void aListNarrowedToKindsReturnsOnlyAssetsOfThoseKinds() {
    Map<String, Asset> byName = new TreeMap<>();
    for (AssetKind kind : AssetKind.values()) {
      String name = kind.ordinal() % 2 == 0 ? "z-" + kind : "a-" + kind;
      AssetRef ref = assetOnMain(sales, name);
      byName.put(
          name,
          await(
              store()
                  .assets()
                  .create(
                      tenant,
                      ref,
                      NewAsset.builder(kind)
                          .location("s3://lake/" + name)
                          .properties(Map.of("kind", kind.name()))
                          .build())));
    }

    for (Set<AssetKind> kinds :
        List.of(
            TABLES,
            VIEWS,
            EnumSet.of(
                AssetKind.FILE, AssetKind.DIRECTORY, AssetKind.ML_MODEL, AssetKind.DELTA_TABLE),
            EnumSet.complementOf(EnumSet.of(AssetKind.ICEBERG_TABLE)))) {
      List<Asset> expected =
          byName.values().stream()
              .filter(asset -> kinds.contains(asset.kind()))
              .sorted((x, y) -> CodePointOrder.STRINGS.compare(x.ref().name(), y.ref().name()))
              .toList();
      assertThat(listAll(kinds, 1000))
          .as("the list of %s", kinds)
          .containsExactlyElementsOf(expected);
      assertThat(listAll(kinds, 2))
          .as("the list of %s, two by two", kinds)
          .containsExactlyElementsOf(expected);
    }
    assertThat(listAll(EnumSet.allOf(AssetKind.class), 1000))
        .as("every kind is the unnarrowed list")
        .isEqualTo(
            PagedReads.all(
                page -> store().assets().list(tenant, BranchRef.main(CATALOG), sales.path(), page)))
        .hasSize(AssetKind.values().length);
  }

  @Test
  void aNarrowedListHoldsOnlyTheDirectAssetsOfItsNamespaceCatalogAndBranch() {
    NamespaceRef eu = newNamespaces(tenant, CATALOG, "sales", "eu");
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    NamespaceRef salesArchive = newNamespaces(tenant, CATALOG, "sales-archive");
    AssetRef orders = table("orders");
    for (NamespaceRef other : List.of(eu, pondSales, salesArchive)) {
      await(
          store()
              .assets()
              .create(
                  tenant, assetOnMain(other, "elsewhere"), NewAsset.of(AssetKind.ICEBERG_TABLE)));
    }

    assertThat(listAll(TABLES, 10)).extracting(Asset::ref).containsExactly(orders);
  }

  @Test
  void aNarrowedListReturnsTrickyNamesExactlyInCodePointOrder() {
    for (String name : TckNames.TRICKY) {
      bare(name, AssetKind.ICEBERG_TABLE);
      if (name.length() < TckNames.MAX_LENGTH) {
        bare(name + "~view", AssetKind.ICEBERG_VIEW);
      }
    }

    assertThat(listAll(TABLES, 3))
        .extracting(a -> a.ref().name())
        .containsExactlyElementsOf(TckNames.trickyInListOrder());
    assertThat(listAll(TABLES, 1000))
        .extracting(a -> a.ref().name())
        .containsExactlyElementsOf(TckNames.trickyInListOrder());
  }

  @Test
  void aNarrowedListFillsEveryPageDespiteOtherKindsInBetween() {
    List<String> tables = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      tables.add("t" + i);
      bare("t" + i, AssetKind.ICEBERG_TABLE);
      for (int j = 0; j < 4; j++) {
        bare("t" + i + "-view-" + j, j % 2 == 0 ? AssetKind.ICEBERG_VIEW : AssetKind.FILE);
      }
    }

    assertThat(pageSizes(TABLES, 3)).containsExactly("3+", "3+", "1");
    assertThat(pageSizes(TABLES, 1)).containsExactly("1+", "1+", "1+", "1+", "1+", "1+", "1");
    assertThat(listAll(TABLES, 3))
        .extracting(a -> a.ref().name())
        .containsExactlyElementsOf(tables);
  }

  @Test
  void anExactlyFullLastPageOfANarrowedListHasNoTokenEvenWithOtherKindsAfterIt() {
    for (String name : List.of("a", "b", "c", "d")) {
      bare(name, AssetKind.ICEBERG_TABLE);
    }
    for (String name : List.of("e", "f", "g", "zz")) {
      bare(name, AssetKind.SQL_VIEW);
    }

    assertThat(pageSizes(TABLES, 4)).containsExactly("4");
    assertThat(pageSizes(TABLES, 2)).containsExactly("2+", "2");
    assertThat(pageSizes(VIEWS, 4)).containsExactly("4");
    assertThat(pageSizes(VIEWS, 3)).containsExactly("3+", "1");
  }

  @Test
  void aNarrowedListOfAnEmptySelectionIsOneEmptyPageWithoutAToken() {
    bare("orders", AssetKind.ICEBERG_TABLE);

    Page<Asset> page =
        await(
            store()
                .assets()
                .list(
                    tenant,
                    BranchRef.main(CATALOG),
                    sales.path(),
                    VIEWS,
                    PageRequest.firstPage(10)));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  void aPageTokenIsBoundToTheSetOfKindsItWasIssuedFor() {
    for (String name : List.of("a", "b", "c")) {
      bare(name, AssetKind.ICEBERG_TABLE);
      bare(name + "-view", AssetKind.ICEBERG_VIEW);
    }
    BranchRef main = BranchRef.main(CATALOG);
    String tablesToken =
        await(store().assets().list(tenant, main, sales.path(), TABLES, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();
    String allToken =
        await(store().assets().list(tenant, main, sales.path(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    for (Set<AssetKind> other :
        List.of(
            EnumSet.of(AssetKind.ICEBERG_VIEW),
            EnumSet.of(AssetKind.ICEBERG_TABLE, AssetKind.ICEBERG_VIEW),
            EnumSet.allOf(AssetKind.class))) {
      assertInvalid(
          "page.pageToken",
          () ->
              store()
                  .assets()
                  .list(tenant, main, sales.path(), other, PageRequest.nextPage(tablesToken, 1)));
    }
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .assets()
                .list(tenant, main, sales.path(), PageRequest.nextPage(tablesToken, 1)));
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .assets()
                .list(tenant, main, sales.path(), TABLES, PageRequest.nextPage(allToken, 1)));

    Page<Asset> sameSet =
        await(
            store()
                .assets()
                .list(
                    tenant,
                    main,
                    sales.path(),
                    new HashSet<>(Set.of(AssetKind.ICEBERG_TABLE)),
                    PageRequest.nextPage(tablesToken, 5)));
    assertThat(sameSet.items()).extracting(a -> a.ref().name()).containsExactly("b", "c");
  }

  @Test
  void aNarrowedListPagedWhileOthersInsertAndDeleteNeverRepeatsOrSkipsATableThatExistsThroughout() {
    List<String> throughout = List.of("b", "d", "f", "h", "j", "l");
    List<String> deletedOnTheWay = new ArrayList<>(List.of("g", "c", "k"));
    throughout.forEach(name -> bare(name, AssetKind.ICEBERG_TABLE));
    deletedOnTheWay.forEach(name -> bare(name, AssetKind.ICEBERG_TABLE));
    for (String name : List.of("a-view", "e-view", "i-view", "m-view")) {
      bare(name, AssetKind.ICEBERG_VIEW);
    }
    BranchRef main = BranchRef.main(CATALOG);

    List<Asset> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(2);
    for (int change = 0; ; change++) {
      Page<Asset> page = await(store().assets().list(tenant, main, sales.path(), TABLES, request));
      read.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      assertThat(page.items()).as("a page followed by a token").hasSize(2);
      assertThat(change).as("pages read").isLessThan(100);
      bare("a" + change, AssetKind.ICEBERG_TABLE);
      bare("i" + change, AssetKind.ICEBERG_TABLE);
      bare("i" + change + "-view", AssetKind.ICEBERG_VIEW);
      bare("z" + change, AssetKind.ICEBERG_TABLE);
      if (!deletedOnTheWay.isEmpty()) {
        await(store().assets().delete(tenant, assetOnMain(sales, deletedOnTheWay.remove(0))));
      }
      request = page.nextPage(2).orElseThrow();
    }

    List<String> names = read.stream().map(a -> a.ref().name()).toList();
    assertThat(read).extracting(Asset::kind).containsOnly(AssetKind.ICEBERG_TABLE);
    assertThat(names).doesNotHaveDuplicates().isSortedAccordingTo(CodePointOrder.STRINGS);
    assertThat(names).containsAll(throughout);
  }

  @Test
  void aNarrowedListRejectsInvalidKindsNamingTheField() {
    BranchRef main = BranchRef.main(CATALOG);
    PageRequest page = PageRequest.firstPage();
    Set<AssetKind> withNull = new HashSet<>(Arrays.asList(AssetKind.ICEBERG_TABLE, null));

    assertInvalid("kinds", () -> store().assets().list(tenant, main, sales.path(), null, page));
    assertInvalid("kinds", () -> store().assets().list(tenant, main, sales.path(), Set.of(), page));
    assertInvalid(
        "kinds",
        () ->
            store()
                .assets()
                .list(tenant, main, sales.path(), EnumSet.noneOf(AssetKind.class), page));
    assertInvalid(
        "kinds[]", () -> store().assets().list(tenant, main, sales.path(), withNull, page));
  }

  @Test
  void badKindsAreReportedBeforeAMissingTenantOrNamespace() {
    BranchRef main = BranchRef.main(CATALOG);
    PageRequest page = PageRequest.firstPage();

    assertInvalid(
        "kinds",
        () -> store().assets().list(TenantId.random(), main, sales.path(), Set.of(), page));
    assertInvalid(
        "kinds",
        () -> store().assets().list(tenant, main, NamespacePath.of("missing"), null, page));
    assertInvalid(
        "kinds",
        () ->
            store().assets().list(tenant, BranchRef.main("missing"), sales.path(), Set.of(), page));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private List<Asset> listAll(Set<AssetKind> kinds, int limit) {
    List<Asset> all = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    for (int pages = 0; pages < 1000; pages++) {
      Page<Asset> page =
          await(
              store().assets().list(tenant, BranchRef.main(CATALOG), sales.path(), kinds, request));
      all.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return all;
      }
      request = page.nextPage(limit).orElseThrow();
    }
    throw new AssertionError("the list did not end");
  }

  /** The size of each page read with {@code limit}, marked {@code +} where a token followed. */
  private List<String> pageSizes(Set<AssetKind> kinds, int limit) {
    List<String> sizes = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    while (sizes.size() <= 20) {
      Page<Asset> page =
          await(
              store().assets().list(tenant, BranchRef.main(CATALOG), sales.path(), kinds, request));
      assertThat(page.items()).extracting(Asset::kind).allMatch(kinds::contains);
      sizes.add(page.items().size() + (page.nextPageToken().isPresent() ? "+" : ""));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = page.nextPage(limit).orElseThrow();
    }
    return sizes;
  }
}
