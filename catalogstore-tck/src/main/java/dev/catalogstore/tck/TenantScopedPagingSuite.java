package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paging rules of {@link PagingSuite} plus those of a list scoped to one tenant, whose content
 * the test owns entirely (unlike the store-wide tenant list, shared with every other test):
 *
 * <ul>
 *   <li>a page has a next-page token if and only if more items existed when it was read;
 *   <li>an empty list is one empty page without a token;
 *   <li>a token is bound to its tenant: one minted for another tenant is refused on {@code
 *       page.pageToken}.
 * </ul>
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class TenantScopedPagingSuite extends PagingSuite {

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void aPageHoldsAtMostLimitItemsAndHasATokenOnlyWhenMoreFollow(PagedList list) {
    Listing listing = list.open().get();
    List.of("a", "b", "c", "d").forEach(listing::create);

    assertThat(pageSizes(listing, 1)).containsExactly("1+", "1+", "1+", "1");
    assertThat(pageSizes(listing, 2)).containsExactly("2+", "2");
    assertThat(pageSizes(listing, 3)).containsExactly("3+", "1");
    assertThat(pageSizes(listing, 4)).containsExactly("4");
    assertThat(pageSizes(listing, 5)).containsExactly("4");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void anEmptyListIsOneEmptyPageWithoutAToken(PagedList list) {
    Listing listing = list.open().get();

    Page<String> page = listing.read(PageRequest.firstPage(10));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void aTokenOfAnotherTenantIsRefused(PagedList list) {
    Listing minted = list.open().get();
    Listing other = list.open().get();
    for (String name : List.of("a", "b", "c")) {
      minted.create(name);
      other.create(name);
    }
    String token = minted.read(PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    assertInvalid(TOKEN, () -> other.readLater(PageRequest.nextPage(token, 1)));
  }
}
