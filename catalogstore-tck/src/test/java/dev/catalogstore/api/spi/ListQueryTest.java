package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The shared list logic both backends page with: one list identity per list of the contract, to
 * which its tokens are bound, and the page built from one extra fetched item.
 */
class ListQueryTest {
  private final TenantId tenant = TenantId.random();
  private final BranchRef main = BranchRef.main("lake");
  private final NamespacePath sales = NamespacePath.of("sales");

  @Test
  void aFirstPageHasNoPositionAndReadsOneMoreThanItsLimit() {
    ListQuery.Cursor cursor = ListQuery.catalogs(tenant).cursor(PageRequest.firstPage(3));

    assertThat(cursor.limit()).isEqualTo(3);
    assertThat(cursor.fetchSize()).isEqualTo(4);
    assertThat(cursor.after()).isEmpty();
    assertThat(cursor.afterName()).isEmpty();
    assertThat(cursor.beforeSequence()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aLimitAboveTheMaximumIsCappedAndOneBelowOneIsRefused() {
    assertThat(
            ListQuery.catalogs(tenant)
                .cursor(PageRequest.firstPage(PageRequest.MAX_LIMIT + 5))
                .limit())
        .isEqualTo(PageRequest.MAX_LIMIT);
    assertThatThrownBy(() -> ListQuery.catalogs(tenant).cursor(PageRequest.firstPage(0)))
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo("page.limit");
  }

  @Test
  void anExtraFetchedItemYieldsATokenThatResumesAfterTheLastItemReturned() {
    ListQuery query = ListQuery.warehouses(tenant);
    ListQuery.Cursor first = query.cursor(PageRequest.firstPage(2));

    Page<String> page = query.page(List.of("a", "b", "c"), first, Function.identity());

    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.nextPageToken()).isPresent();
    ListQuery.Cursor next = query.cursor(PageRequest.nextPage(page.nextPageToken().get(), 2));
    assertThat(next.afterName()).isEqualTo("b");
  }

  @Test
  void aPageThatReadNoExtraItemIsTheLastEvenWhenExactlyFull() {
    ListQuery query = ListQuery.warehouses(tenant);
    ListQuery.Cursor cursor = query.cursor(PageRequest.firstPage(2));

    assertThat(query.page(List.of("a", "b"), cursor, Function.identity()))
        .isEqualTo(Page.last(List.of("a", "b")));
    assertThat(query.page(List.<String>of(), cursor, Function.identity()))
        .isEqualTo(Page.last(List.of()));
  }

  @Test
  void aPositionRoundTripsAnyValidName() {
    ListQuery query = ListQuery.catalogs(tenant);
    String tricky = "a.b/c%_ é\u0301日😀 ";

    assertThat(query.cursor(resumeAfter(query, tricky)).afterName()).isEqualTo(tricky);
  }

  @Test
  void aTokenIsBoundToItsTenant() {
    String token = tokenAfter(ListQuery.catalogs(tenant), "sales");

    assertForeign(ListQuery.catalogs(TenantId.random()), token);
  }

  @Test
  void aTokenIsBoundToItsList() {
    String token = tokenAfter(ListQuery.catalogs(tenant), "sales");

    assertForeign(ListQuery.warehouses(tenant), token);
    assertForeign(ListQuery.namespaces(tenant, NamespaceRef.root("sales")), token);
    assertForeign(ListQuery.tenants(), token);
  }

  @Test
  void theTenantsListIsReadUnderTheSystemTenant() {
    String token = tokenAfter(ListQuery.tenants(), "acme");

    assertThat(ListQuery.tenants().cursor(PageRequest.nextPage(token, 10)).afterName())
        .isEqualTo("acme");
    assertForeign(ListQuery.catalogs(TenantId.SYSTEM), token);
  }

  @Test
  void aNamespaceTokenIsBoundToItsCatalogAndParent() {
    String token = tokenAfter(ListQuery.namespaces(tenant, NamespaceRef.of("lake", "a", "b")), "x");

    assertThat(
            ListQuery.namespaces(tenant, NamespaceRef.of("lake", "a", "b"))
                .cursor(PageRequest.nextPage(token, 10))
                .afterName())
        .isEqualTo("x");
    assertForeign(ListQuery.namespaces(tenant, NamespaceRef.of("lake", "a")), token);
    assertForeign(ListQuery.namespaces(tenant, NamespaceRef.of("lake", "a", "b", "c")), token);
    assertForeign(ListQuery.namespaces(tenant, NamespaceRef.of("other", "a", "b")), token);
    // Segments are bound one by one, not as a joined path a dot could fake.
    assertForeign(ListQuery.namespaces(tenant, NamespaceRef.of("lake", "a.b")), token);
  }

  @Test
  void anAssetTokenIsBoundToItsBranchNamespaceAndSetOfKinds() {
    Set<AssetKind> tables = EnumSet.of(AssetKind.ICEBERG_TABLE, AssetKind.DELTA_TABLE);
    String token = tokenAfter(ListQuery.assets(tenant, main, sales, tables), "orders");

    assertForeign(ListQuery.assets(tenant, new BranchRef("lake", "dev"), sales, tables), token);
    assertForeign(ListQuery.assets(tenant, main, NamespacePath.of("sales", "eu"), tables), token);
    assertForeign(
        ListQuery.assets(tenant, main, sales, EnumSet.of(AssetKind.ICEBERG_TABLE)), token);
    assertForeign(ListQuery.assets(tenant, main, sales, EnumSet.allOf(AssetKind.class)), token);
  }

  @Test
  void anAssetTokenServesTheSameKindsInAnyIterationOrder() {
    Set<AssetKind> oneOrder =
        new LinkedHashSet<>(List.of(AssetKind.DELTA_TABLE, AssetKind.ICEBERG_TABLE));
    Set<AssetKind> otherOrder =
        new LinkedHashSet<>(List.of(AssetKind.ICEBERG_TABLE, AssetKind.DELTA_TABLE));
    String token = tokenAfter(ListQuery.assets(tenant, main, sales, oneOrder), "orders");

    assertThat(
            ListQuery.assets(tenant, main, sales, otherOrder)
                .cursor(PageRequest.nextPage(token, 10))
                .afterName())
        .isEqualTo("orders");
  }

  @Test
  void aKindsArgumentCannotBeMistakenForANamespaceSegment() {
    String token =
        tokenAfter(
            ListQuery.assets(
                tenant,
                main,
                NamespacePath.of("ICEBERG_TABLE"),
                EnumSet.of(AssetKind.ICEBERG_TABLE)),
            "t");

    assertForeign(
        ListQuery.assets(
            tenant,
            main,
            NamespacePath.of("ICEBERG_TABLE", "ICEBERG_TABLE"),
            EnumSet.of(AssetKind.ICEBERG_TABLE)),
        token);
  }

  @Test
  void aHistoryTokenIsBoundToItsAssetAndHoldsASequence() {
    AssetRef orders = AssetRef.onMain(NamespaceRef.of("lake", "sales"), "orders");
    ListQuery history = ListQuery.history(tenant, orders);
    Page<Long> page =
        history.page(
            List.of(9L, 8L, 7L),
            history.cursor(PageRequest.firstPage(2)),
            sequence -> Long.toString(sequence));

    ListQuery.Cursor next = history.cursor(PageRequest.nextPage(page.nextPageToken().get(), 2));

    assertThat(next.beforeSequence()).isEqualTo(8L);
    assertForeign(
        ListQuery.history(tenant, AssetRef.onMain(NamespaceRef.of("lake", "sales"), "customers")),
        page.nextPageToken().get());
    assertForeign(
        ListQuery.assets(tenant, main, sales, EnumSet.allOf(AssetKind.class)),
        page.nextPageToken().get());
  }

  @Test
  void aHistoryTokenWhosePositionIsNotASequenceIsMalformed() {
    AssetRef orders = AssetRef.onMain(NamespaceRef.of("lake", "sales"), "orders");
    for (String position : List.of("orders", "0", "-1", "")) {
      String token =
          PageTokens.encode(
              tenant,
              "metadata-history",
              List.of("lake", "main", "sales", "orders"),
              List.of(position));

      assertThatThrownBy(
              () -> ListQuery.history(tenant, orders).cursor(PageRequest.nextPage(token, 10)))
          .as("position %s", position)
          .isInstanceOf(InvalidArgumentException.class)
          .extracting(e -> ((InvalidArgumentException) e).field())
          .isEqualTo(PageTokens.FIELD);
    }
  }

  @Test
  void aTokenWithAPositionOfAnotherShapeIsMalformed() {
    String twoParts = PageTokens.encode(tenant, "catalogs", List.of(), List.of("a", "b"));
    String noPart = PageTokens.encode(tenant, "catalogs", List.of(), List.of());

    assertForeignOrMalformed(ListQuery.catalogs(tenant), twoParts);
    assertForeignOrMalformed(ListQuery.catalogs(tenant), noPart);
  }

  @Test
  void pagingThroughAListVisitsEveryItemOnce() {
    List<String> names = IntStream.range(0, 10).mapToObj(i -> "n" + i).toList();
    ListQuery query = ListQuery.catalogs(tenant);
    PageRequest request = PageRequest.firstPage(3);
    List<String> seen = new ArrayList<>();
    while (true) {
      ListQuery.Cursor cursor = query.cursor(request);
      List<String> fetched =
          names.stream()
              .filter(n -> n.compareTo(cursor.afterName()) > 0)
              .limit(cursor.fetchSize())
              .toList();
      Page<String> page = query.page(fetched, cursor, Function.identity());
      seen.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 3);
    }

    assertThat(seen).isEqualTo(names);
  }

  @Test
  void aListOrderedByIdTakesOnlyAnIdInItsCanonicalFormAsItsPosition() {
    UserId user = UserId.random();
    String id = UUID.randomUUID().toString();
    for (ListQuery query :
        List.of(
            ListQuery.permissions(tenant),
            ListQuery.userPermissions(tenant, user),
            ListQuery.activeTokens(tenant),
            ListQuery.userActiveTokens(tenant, user))) {
      assertThat(query.cursor(resumeAfter(query, id)).afterName()).as("%s", query).isEqualTo(id);
      for (String forged : List.of(id.toUpperCase(Locale.ROOT), "1-1-1-1-1", "sales", "")) {
        assertForeignOrMalformed(query, tokenAfter(query, forged));
      }
    }
  }

  private static PageRequest resumeAfter(ListQuery query, String name) {
    return PageRequest.nextPage(tokenAfter(query, name), 10);
  }

  private static String tokenAfter(ListQuery query, String name) {
    Page<String> page =
        query.page(
            List.of(name, name + "~"), query.cursor(PageRequest.firstPage(1)), Function.identity());
    return page.nextPageToken().orElseThrow();
  }

  private static void assertForeign(ListQuery query, String token) {
    assertForeignOrMalformed(query, token);
  }

  private static void assertForeignOrMalformed(ListQuery query, String token) {
    assertThatThrownBy(() -> query.cursor(PageRequest.nextPage(token, 10)))
        .as("a token replayed on %s", query)
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo(PageTokens.FIELD);
  }
}
