package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.fail;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads whole lists page by page, failing instead of looping when a list does not advance.
 *
 * <p>Support for the TCK's own suites (public so that the per-area packages can use it); a backend
 * does not need it.
 */
public final class PagedReads {
  /** More pages than any test reads: a list this long is taken as one that never ends. */
  private static final int MAX_PAGES = 10_000;

  private PagedReads() {}

  /** Every item of a list, read with the largest page size. */
  public static <T> List<T> all(Function<PageRequest, CompletableFuture<Page<T>>> list) {
    List<T> items = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    Optional<String> previousToken = Optional.empty();
    for (int pages = 1; pages <= MAX_PAGES; pages++) {
      Page<T> page = TckSuite.await(list.apply(request));
      items.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return items;
      }
      if (page.nextPageToken().equals(previousToken)) {
        return fail("the list did not advance: page %d returned the token it was given", pages);
      }
      previousToken = page.nextPageToken();
      request = PageRequest.nextPage(previousToken.get(), PageRequest.MAX_LIMIT);
    }
    return fail("the list did not end within %d pages", MAX_PAGES);
  }
}
