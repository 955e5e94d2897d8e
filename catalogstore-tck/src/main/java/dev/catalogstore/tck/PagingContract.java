package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.CodePointOrder;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specifies paging ({@link PageRequest}, {@link Page}) for {@code listTenants}, {@code
 * listWarehouses}, {@code listCatalogs} and {@code listNamespaces} (top level and children):
 *
 * <ul>
 *   <li>items come in code-point order of their name (of the last segment for namespaces);
 *   <li>a page holds at most {@code limit} items; a limit above {@link PageRequest#MAX_LIMIT} is
 *       capped to it, a limit below 1 is refused on {@code page.limit};
 *   <li>a page has a next-page token if and only if more items existed when it was read;
 *   <li>paging is keyset-based: an item that exists throughout is returned exactly once, however
 *       others insert and delete between pages;
 *   <li>a token is opaque and bound to its tenant and list: a malformed token, or one minted for
 *       another tenant or another list, is refused on {@code page.pageToken}.
 * </ul>
 *
 * <p>The tenant list is shared by the whole store, so its cases work in a name range of their own
 * and delete their tenants afterwards.
 */
public abstract class PagingContract extends TckSuite {
  private static final String LIMIT = "page.limit";
  private static final String TOKEN = "page.pageToken";

  /** The lists this suite pages through. */
  enum ListKind {
    TENANTS,
    WAREHOUSES,
    CATALOGS,
    TOP_LEVEL_NAMESPACES,
    CHILD_NAMESPACES
  }

  /** Ways a genuine page token can be spoiled. */
  enum SpoiledToken {
    GARBAGE {
      @Override
      String spoil(String token) {
        return "not a page token";
      }
    },
    EMPTY {
      @Override
      String spoil(String token) {
        return "";
      }
    },
    TRUNCATED {
      @Override
      String spoil(String token) {
        return token.substring(0, token.length() / 2);
      }
    },
    TAMPERED {
      /** Changes one character near the start, where a token keeps what it is bound to. */
      @Override
      String spoil(String token) {
        char[] chars = token.toCharArray();
        chars[2] = chars[2] == 'A' ? 'B' : 'A';
        return new String(chars);
      }
    },
    OVERSIZED {
      @Override
      String spoil(String token) {
        return token + "A".repeat(16_384);
      }
    };

    abstract String spoil(String token);
  }

  /** Every list paired with every way to spoil its token. */
  static Stream<Arguments> listsAndSpoiledTokens() {
    return Arrays.stream(ListKind.values())
        .flatMap(list -> Arrays.stream(SpoiledToken.values()).map(t -> arguments(list, t)));
  }

  // ---------------------------------------------------------------------------------------------
  // order and page size

  @ParameterizedTest(name = "{0}")
  @EnumSource(ListKind.class)
  void itemsComeInCodePointOrderOfTheirNames(ListKind kind) {
    Listing listing = listing(kind);
    try {
      for (String name : List.of("😀", "é", "ｚ", "a", "B", "日", "ab", "a b", "A", "a.b")) {
        listing.create(name);
      }

      // Java's String.compareTo (UTF-16 order) would put "😀" before "ｚ" (U+FF5A).
      List<String> inCodePointOrder =
          List.of("A", "B", "a", "a b", "a.b", "ab", "é", "日", "ｚ", "😀");
      assertThat(readAll(listing, 3)).containsExactlyElementsOf(inCodePointOrder);
      assertThat(readAll(listing, PageRequest.MAX_LIMIT))
          .containsExactlyElementsOf(inCodePointOrder);
    } finally {
      listing.release();
    }
  }

  // The tenant list is shared by the whole store: where its pages end is not this test's to know.
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ListKind.class, names = "TENANTS", mode = EnumSource.Mode.EXCLUDE)
  void aPageHoldsAtMostLimitItemsAndHasATokenOnlyWhenMoreFollow(ListKind kind) {
    Listing listing = listing(kind);
    List.of("a", "b", "c", "d").forEach(listing::create);

    assertThat(pageSizes(listing, 1)).containsExactly("1+", "1+", "1+", "1");
    assertThat(pageSizes(listing, 2)).containsExactly("2+", "2");
    assertThat(pageSizes(listing, 3)).containsExactly("3+", "1");
    assertThat(pageSizes(listing, 4)).containsExactly("4");
    assertThat(pageSizes(listing, 5)).containsExactly("4");
  }

  // The tenant list is never empty while this test runs.
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ListKind.class, names = "TENANTS", mode = EnumSource.Mode.EXCLUDE)
  void anEmptyListIsOneEmptyPageWithoutAToken(ListKind kind) {
    Listing listing = listing(kind);

    Page<String> page = listing.read(PageRequest.firstPage(10));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ListKind.class)
  void aLimitAboveTheMaximumIsAccepted(ListKind kind) {
    Listing listing = listing(kind);
    try {
      List.of("a", "b", "c").forEach(listing::create);

      assertThat(readAll(listing, PageRequest.MAX_LIMIT + 1)).containsExactly("a", "b", "c");
      assertThat(readAll(listing, Integer.MAX_VALUE)).containsExactly("a", "b", "c");
    } finally {
      listing.release();
    }
  }

  @Test
  void aLimitAboveTheMaximumIsCappedTo1000() {
    TenantId tenant = newTenant();
    List<String> names = IntStream.rangeClosed(0, PageRequest.MAX_LIMIT)
        .mapToObj(i -> String.format("w%04d", i))
        .toList();
    createAll(names,
        name -> store().createWarehouse(tenant, NewWarehouse.of(name, fileStorage(name))));

    Page<Warehouse> first = await(store().listWarehouses(tenant,
        PageRequest.firstPage(PageRequest.MAX_LIMIT + 1)));
    Page<Warehouse> second = await(store().listWarehouses(tenant,
        PageRequest.nextPage(first.nextPageToken().orElseThrow(), Integer.MAX_VALUE)));

    assertThat(first.items()).extracting(Warehouse::name)
        .containsExactlyElementsOf(names.subList(0, PageRequest.MAX_LIMIT));
    assertThat(second.items()).extracting(Warehouse::name).containsExactly("w1000");
    assertThat(second.nextPageToken()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ListKind.class)
  void aLimitBelowOneIsRefused(ListKind kind) {
    Listing listing = listing(kind);
    try {
      listing.create("a");

      for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
        assertInvalid(LIMIT, () -> listing.readLater(PageRequest.firstPage(limit)));
      }
    } finally {
      listing.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // keyset paging under concurrent change

  @ParameterizedTest(name = "{0}")
  @EnumSource(ListKind.class)
  void pagingNeverRepeatsOrSkipsAnItemThatExistsThroughout(ListKind kind) {
    Listing listing = listing(kind);
    try {
      List<String> throughout = List.of("b", "d", "f", "h", "j", "l");
      List<String> deletedOnTheWay = new ArrayList<>(List.of("g", "c", "k"));
      throughout.forEach(listing::create);
      deletedOnTheWay.forEach(listing::create);
      int[] changes = {0};

      List<String> read = readAll(listing, 2, readSoFar -> {
        if (!readSoFar.isEmpty() && changes[0] < 6) {
          int change = changes[0]++;
          listing.create("a" + change);
          listing.create("i" + change);
          listing.create("z" + change);
          if (!deletedOnTheWay.isEmpty()) {
            listing.delete(deletedOnTheWay.remove(0));
          }
        }
      });

      assertThat(changes[0]).as("pages read while the list changed").isGreaterThan(1);
      assertThat(read).doesNotHaveDuplicates().isSortedAccordingTo(CodePointOrder.STRINGS);
      assertThat(read).containsAll(throughout);
    } finally {
      listing.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // tokens

  @ParameterizedTest(name = "{0} with a {1} token")
  @MethodSource("dev.catalogstore.tck.PagingContract#listsAndSpoiledTokens")
  void aSpoiledTokenIsRefused(ListKind kind, SpoiledToken spoiled) {
    Listing listing = listing(kind);
    try {
      List.of("a", "b", "c").forEach(listing::create);
      String token = listing.read(PageRequest.firstPage(1)).nextPageToken().orElseThrow();

      assertInvalid(TOKEN, () -> listing.readLater(PageRequest.nextPage(spoiled.spoil(token), 1)));
    } finally {
      listing.release();
    }
  }

  // listTenants is read under no tenant; tenantAndWarehouseTokensAreNotInterchangeable covers it.
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ListKind.class, names = "TENANTS", mode = EnumSource.Mode.EXCLUDE)
  void aTokenOfAnotherTenantIsRefused(ListKind kind) {
    Listing minted = listing(kind);
    Listing other = listing(kind);
    for (String name : List.of("a", "b", "c")) {
      minted.create(name);
      other.create(name);
    }
    String token = minted.read(PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    assertInvalid(TOKEN, () -> other.readLater(PageRequest.nextPage(token, 1)));
  }

  @Test
  void warehouseAndCatalogTokensAreNotInterchangeable() {
    TenantId tenant = newTenant();
    for (String name : List.of("a", "b", "c")) {
      newWarehouse(tenant, name);
      await(store().createCatalog(tenant, NewCatalog.local(name, "a")));
    }
    String warehouses = tokenAfterFirst(store().listWarehouses(tenant, PageRequest.firstPage(1)));
    String catalogs = tokenAfterFirst(store().listCatalogs(tenant, PageRequest.firstPage(1)));

    assertInvalid(TOKEN,
        () -> store().listCatalogs(tenant, PageRequest.nextPage(warehouses, 1)));
    assertInvalid(TOKEN,
        () -> store().listWarehouses(tenant, PageRequest.nextPage(catalogs, 1)));
  }

  @Test
  void tenantAndWarehouseTokensAreNotInterchangeable() {
    TenantId tenant = newTenant();
    newTenant();
    List.of("a", "b").forEach(name -> newWarehouse(tenant, name));
    String tenants = tokenAfterFirst(store().listTenants(PageRequest.firstPage(1)));
    String warehouses = tokenAfterFirst(store().listWarehouses(tenant, PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().listTenants(PageRequest.nextPage(warehouses, 1)));
    assertInvalid(TOKEN,
        () -> store().listWarehouses(tenant, PageRequest.nextPage(tenants, 1)));
    assertInvalid(TOKEN,
        () -> store().listWarehouses(TenantId.SYSTEM, PageRequest.nextPage(tenants, 1)));
  }

  @Test
  void aNamespacesTokenIsBoundToItsParent() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    for (String parent : List.of("a", "b", "x", "y")) {
      newNamespaces(tenant, "cat", parent, "a");
      newNamespaces(tenant, "cat", parent, "b");
    }
    NamespaceRef x = NamespaceRef.of("cat", "x");
    String underX = tokenAfterFirst(store().listNamespaces(tenant, x, PageRequest.firstPage(1)));
    String underRoot = tokenAfterFirst(
        store().listNamespaces(tenant, NamespaceRef.root("cat"), PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().listNamespaces(
        tenant, NamespaceRef.of("cat", "y"), PageRequest.nextPage(underX, 1)));
    assertInvalid(TOKEN, () -> store().listNamespaces(
        tenant, NamespaceRef.root("cat"), PageRequest.nextPage(underX, 1)));
    assertInvalid(TOKEN, () -> store().listNamespaces(
        tenant, x, PageRequest.nextPage(underRoot, 1)));
  }

  @Test
  void aNamespacesTokenIsBoundToItsCatalog() {
    TenantId tenant = newTenant();
    for (String catalog : List.of("cat", "other")) {
      newLocalCatalog(tenant, catalog);
      newNamespaces(tenant, catalog, "a");
      newNamespaces(tenant, catalog, "b");
    }
    String token = tokenAfterFirst(store().listNamespaces(
        tenant, NamespaceRef.root("cat"), PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().listNamespaces(
        tenant, NamespaceRef.root("other"), PageRequest.nextPage(token, 1)));
  }

  @Test
  void aNamespacesTokenTellsADottedSegmentFromTwoSegments() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    for (String child : List.of("c", "d")) {
      newNamespaces(tenant, "cat", "a.b", child);
      newNamespaces(tenant, "cat", "a", "b", child);
    }
    String dotted = tokenAfterFirst(store().listNamespaces(
        tenant, NamespaceRef.of("cat", "a.b"), PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().listNamespaces(
        tenant, NamespaceRef.of("cat", "a", "b"), PageRequest.nextPage(dotted, 1)));
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /**
   * Reads the list with {@code limit} from its start to its end (the tenant list: to the end of
   * the scope), checking every page, and returns the scope's names in the order read.
   */
  private List<String> readAll(Listing listing, int limit) {
    return readAll(listing, limit, readSoFar -> {});
  }

  /**
   * As {@link #readAll(Listing, int)}, handing the scope's names read so far to {@code
   * betweenPages} before each next page is read.
   */
  private List<String> readAll(
      Listing listing, int limit, Consumer<List<String>> betweenPages) {
    int capped = Math.min(limit, PageRequest.MAX_LIMIT);
    List<String> listed = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    for (int pages = 1; ; pages++) {
      Page<String> page = listing.read(request);
      assertThat(page.items()).as("page %d with limit %d", pages, limit)
          .hasSizeLessThanOrEqualTo(capped);
      if (page.nextPageToken().isPresent()) {
        assertThat(page.items()).as("page %d with limit %d, which has a next page", pages, limit)
            .hasSize(capped);
      }
      listed.addAll(page.items());
      if (page.nextPageToken().isEmpty()
          || listing.isPast(page.items().get(page.items().size() - 1))) {
        return listing.own(listed);
      }
      assertThat(pages).as("pages read; the store keeps returning a next page").isLessThan(10_000);
      betweenPages.accept(listing.own(listed));
      request = PageRequest.nextPage(page.nextPageToken().get(), limit);
    }
  }

  /** The size of each page read with {@code limit}, marked {@code +} where a token followed. */
  private List<String> pageSizes(Listing listing, int limit) {
    List<String> sizes = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    while (true) {
      Page<String> page = listing.read(request);
      sizes.add(page.items().size() + (page.nextPageToken().isPresent() ? "+" : ""));
      if (page.nextPageToken().isEmpty() || sizes.size() > 10) {
        return sizes;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), limit);
    }
  }

  private static String tokenAfterFirst(CompletableFuture<? extends Page<?>> page) {
    return await(page).nextPageToken().orElseThrow();
  }

  /** Creates an item per name, a bounded batch of calls in flight at a time. */
  private static <T> void createAll(
      List<String> names, Function<String, CompletableFuture<T>> create) {
    int batch = 50;
    for (int from = 0; from < names.size(); from += batch) {
      await(CompletableFuture.allOf(names.subList(from, Math.min(from + batch, names.size()))
          .stream().map(create).toArray(CompletableFuture[]::new)));
    }
  }

  private Listing listing(ListKind kind) {
    return switch (kind) {
      case TENANTS -> new TenantListing();
      case WAREHOUSES -> new WarehouseListing(newTenant());
      case CATALOGS -> new CatalogListing(newTenant());
      case TOP_LEVEL_NAMESPACES -> new NamespaceListing(newTenant(), false);
      case CHILD_NAMESPACES -> new NamespaceListing(newTenant(), true);
    };
  }

  private static <T> Page<String> names(Page<T> page, Function<T, String> name) {
    return new Page<>(page.items().stream().map(name).toList(), page.nextPageToken());
  }

  /** One list in a scope of its own, seen through its items' names. */
  private abstract class Listing {
    abstract void create(String name);

    abstract void delete(String name);

    /** Starts reading one page; the future may fail. */
    abstract CompletableFuture<Page<String>> readLater(PageRequest request);

    Page<String> read(PageRequest request) {
      return await(readLater(request));
    }

    /** This scope's names among {@code listed}, in the order listed. */
    List<String> own(List<String> listed) {
      return listed;
    }

    /** Whether every name of this scope sorts before {@code listed}, so reading may stop. */
    boolean isPast(String listed) {
      return false;
    }

    /** Deletes what this scope put where other tests look (the store-wide tenant list). */
    void release() {}
  }

  private final class WarehouseListing extends Listing {
    private final TenantId tenant;

    WarehouseListing(TenantId tenant) {
      this.tenant = tenant;
    }

    @Override
    void create(String name) {
      newWarehouse(tenant, name);
    }

    @Override
    void delete(String name) {
      await(store().deleteWarehouse(tenant, name));
    }

    @Override
    CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().listWarehouses(tenant, request).thenApply(p -> names(p, Warehouse::name));
    }
  }

  private final class CatalogListing extends Listing {
    private final TenantId tenant;

    CatalogListing(TenantId tenant) {
      this.tenant = tenant;
      newWarehouse(tenant, "lake");
    }

    @Override
    void create(String name) {
      await(store().createCatalog(tenant, NewCatalog.local(name, "lake")));
    }

    @Override
    void delete(String name) {
      await(store().deleteCatalog(tenant, name));
    }

    @Override
    CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().listCatalogs(tenant, request)
          .thenApply(p -> names(p, Catalog::name));
    }
  }

  private final class NamespaceListing extends Listing {
    private final TenantId tenant;
    private final NamespaceRef parent;

    /** Top-level namespaces, or the children of a dotted namespace two levels down. */
    NamespaceListing(TenantId tenant, boolean children) {
      this.tenant = tenant;
      newLocalCatalog(tenant, "cat");
      this.parent = children
          ? newNamespaces(tenant, "cat", "parent.dotted", "p q")
          : NamespaceRef.root("cat");
    }

    @Override
    void create(String name) {
      await(store().createNamespace(tenant, parent.child(name), Map.of()));
    }

    @Override
    void delete(String name) {
      await(store().deleteNamespace(tenant, parent.child(name)));
    }

    @Override
    CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().listNamespaces(tenant, parent, request)
          .thenApply(p -> names(p, (Namespace n) -> n.path().lastSegment()));
    }
  }

  /**
   * The store-wide tenant list. This scope's tenants share a random prefix that starts with
   * {@code '!'}, which sorts before letters and digits, so reading from the start reaches the
   * scope quickly; reading stops once past it.
   */
  private final class TenantListing extends Listing {
    private final String prefix = "!" + uniqueName("paging") + "/";
    private final Map<String, TenantId> ids = new HashMap<>();

    @Override
    void create(String name) {
      ids.put(name, await(store().createTenant(NewTenant.named(prefix + name))).id());
    }

    @Override
    void delete(String name) {
      await(store().deleteTenant(ids.remove(name)));
    }

    @Override
    CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().listTenants(request).thenApply(p -> names(p, Tenant::name));
    }

    @Override
    List<String> own(List<String> listed) {
      return listed.stream()
          .filter(name -> name.startsWith(prefix))
          .map(name -> name.substring(prefix.length()))
          .toList();
    }

    @Override
    boolean isPast(String listed) {
      return !listed.startsWith(prefix) && CodePointOrder.compare(listed, prefix) > 0;
    }

    @Override
    void release() {
      for (TenantId id : ids.values()) {
        await(store().deleteTenant(id));
      }
      ids.clear();
    }
  }
}
