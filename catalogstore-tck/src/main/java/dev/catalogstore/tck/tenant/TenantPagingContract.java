package dev.catalogstore.tck.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagingSuite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code tenants().list}: the rules of {@link PagingSuite}, and tokens that no other list
 * accepts.
 *
 * <p>The tenant list is shared by the whole store, so its cases work in a name range of their own
 * and delete their tenants afterwards; the rules that need a list of the test's own (exact page
 * sizes, the empty list) do not apply to it.
 */
public abstract class TenantPagingContract extends PagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("TENANTS", () -> new TenantListing()));
  }

  @Test
  void tenantAndWarehouseTokensAreNotInterchangeable() {
    TenantId tenant = newTenant();
    newTenant();
    List.of("a", "b").forEach(name -> newWarehouse(tenant, name));
    String warehouses =
        tokenAfterFirst(store().warehouses().list(tenant, PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().tenants().list(PageRequest.nextPage(warehouses, 1)));
  }

  /**
   * Keyset paging of the tenant list with the smallest page, while tenants are created before,
   * inside and after the part already read, and others deleted: a tenant that exists throughout is
   * listed exactly once, and nothing is listed twice.
   */
  @Test
  void listTenantsPagedOneByOneWhileOthersInsertAndDeleteNeverRepeatsOrSkips() {
    // A leading space sorts this scope before the other tests' tenants: few pages precede it.
    TenantListing listing = new TenantListing(" !" + uniqueName("paging") + "/");
    try {
      List<String> throughout = List.of("b", "d", "f", "h", "j");
      List<String> deletedOnTheWay = new ArrayList<>(List.of("g", "c", "i"));
      throughout.forEach(listing::create);
      deletedOnTheWay.forEach(listing::create);
      int[] changes = {0};

      List<String> read =
          readAll(
              listing,
              1,
              readSoFar -> {
                if (!readSoFar.isEmpty() && changes[0] < 8) {
                  int change = changes[0]++;
                  listing.create("a" + change);
                  listing.create("e" + change);
                  listing.create("z" + change);
                  if (!deletedOnTheWay.isEmpty()) {
                    listing.delete(deletedOnTheWay.remove(0));
                  }
                }
              });

      assertThat(changes[0]).as("pages read while the list changed").isGreaterThan(3);
      assertThat(read).doesNotHaveDuplicates().isSortedAccordingTo(CodePointOrder.STRINGS);
      assertThat(read).containsAll(throughout);
    } finally {
      listing.release();
    }
  }

  /**
   * The contract's choice for a last page that is exactly full (see {@link Page}): it has no
   * next-page token, since no more tenants existed when it was read. The scope's names start with
   * U+10FFFD, so they are the last of the store-wide list.
   */
  @Test
  void aLastPageExactlyFullHasNoNextPageToken() {
    String prefix = "\uDBFF\uDFFD" + uniqueName("last") + "/";
    TenantListing listing = new TenantListing(prefix);
    try {
      List.of("a", "b", "c").forEach(listing::create);
      String afterA = tokenEndingAt(listing, prefix + "a");

      Page<String> exactlyFull = listing.page(PageRequest.nextPage(afterA, 2));
      assertThat(exactlyFull.items()).containsExactly(prefix + "b", prefix + "c");
      assertThat(exactlyFull.nextPageToken())
          .as("the token of an exactly full last page")
          .isEmpty();

      Page<String> first = listing.page(PageRequest.nextPage(afterA, 1));
      assertThat(first.items()).containsExactly(prefix + "b");
      Page<String> last =
          listing.page(PageRequest.nextPage(first.nextPageToken().orElseThrow(), 1));
      assertThat(last.items()).containsExactly(prefix + "c");
      assertThat(last.nextPageToken()).as("the token of a last page of limit 1").isEmpty();
    } finally {
      listing.release();
    }
  }

  /**
   * A genuine token whose page starts right after {@code name}: finds the page holding it, then
   * reads that page again cut at {@code name}. Retried if others' tenants shift it meanwhile.
   */
  private String tokenEndingAt(TenantListing listing, String name) {
    for (int attempt = 0; attempt < 5; attempt++) {
      PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
      Optional<String> before = Optional.empty();
      while (true) {
        Page<String> page = listing.page(request);
        int at = page.items().indexOf(name);
        if (at >= 0) {
          PageRequest cut =
              before
                  .map(token -> PageRequest.nextPage(token, at + 1))
                  .orElse(PageRequest.firstPage(at + 1));
          Page<String> ending = listing.page(cut);
          if (!ending.items().isEmpty()
              && ending.items().get(ending.items().size() - 1).equals(name)) {
            return ending.nextPageToken().orElseThrow();
          }
          break;
        }
        assertThat(page.nextPageToken()).as("the tenant list ends before %s", name).isPresent();
        before = page.nextPageToken();
        request = PageRequest.nextPage(before.get(), PageRequest.MAX_LIMIT);
      }
    }
    throw new AssertionError("could not position a page token at " + name);
  }

  /**
   * The store-wide tenant list. This scope's tenants share a random prefix that starts with {@code
   * '!'}, which sorts before letters and digits, so reading from the start reaches the scope
   * quickly; reading stops once past it.
   */
  private final class TenantListing extends Listing {
    private final String prefix;
    private final Map<String, TenantId> ids = new HashMap<>();

    TenantListing() {
      this("!" + uniqueName("paging") + "/");
    }

    TenantListing(String prefix) {
      this.prefix = prefix;
    }

    /** Reads one page, which must not fail. */
    Page<String> page(PageRequest request) {
      return await(readLater(request));
    }

    @Override
    protected void create(String name) {
      ids.put(name, await(store().tenants().create(NewTenant.named(prefix + name))).id());
    }

    @Override
    protected void delete(String name) {
      await(store().tenants().delete(ids.remove(name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().tenants().list(request).thenApply(p -> names(p, Tenant::name));
    }

    @Override
    protected List<String> own(List<String> listed) {
      return listed.stream()
          .filter(name -> name.startsWith(prefix))
          .map(name -> name.substring(prefix.length()))
          .toList();
    }

    @Override
    protected boolean isPast(String listed) {
      return !listed.startsWith(prefix) && CodePointOrder.compare(listed, prefix) > 0;
    }

    @Override
    protected void release() {
      for (TenantId id : ids.values()) {
        await(store().tenants().delete(id));
      }
      ids.clear();
    }
  }
}
