package dev.catalogstore.memory;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.paging.PageTokens;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.validation.Inputs;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * One keyset-paged list as the page-token codec sees it: the tenant it is read under, the list's
 * name and its arguments (see CONTRACT-DECISIONS.md, "Paging"), so that tokens are bound to exactly
 * this list and are the same on every backend. Every list of this store has a one-part position.
 *
 * @param tenant the tenant the list is read under ({@link TenantId#SYSTEM} for tenants)
 * @param name the list's stable name, for example {@code "namespaces"}
 * @param arguments what selects the list's items, for example the catalog and parent path
 */
record Listing(TenantId tenant, String name, List<String> arguments) {
  Listing {
    arguments = List.copyOf(arguments);
  }

  /**
   * The validated, capped page size of {@code page}: {@code page.limit} below 1 is invalid.
   */
  static int limit(PageRequest page) {
    return Inputs.pageLimit(page, "page");
  }

  /**
   * The position {@code page} resumes after, empty for a first page. A token of another tenant or
   * list, or one whose position is not a single part, is invalid on {@code page.pageToken}.
   */
  Optional<String> after(PageRequest page) {
    return PageTokens.decode(page, tenant, name, arguments)
        .map(
            position -> {
              if (position.size() != 1) {
                throw new InvalidArgumentException(PageTokens.FIELD, "malformed page position");
              }
              return position.get(0);
            });
  }

  /** Like {@link #after}, for a list positioned by a history sequence number. */
  Optional<Long> afterSequence(PageRequest page) {
    return after(page).map(PageTokens::sequence);
  }

  /**
   * Reads up to {@code limit + 1} values of {@code index} that follow {@code after} (from the
   * start when empty), in the index's order, in O(log n + limit).
   *
   * <p>An iterator, not a stream: a sub-map's value collection has no spliterator of its own, and
   * the default one asks for its size, which a {@code TreeMap} sub-map computes by walking every
   * entry, turning each page into O(n).
   */
  static <V> List<V> fetchAfter(NavigableMap<String, V> index, Optional<String> after, int limit) {
    NavigableMap<String, V> following =
        after.isPresent() ? index.tailMap(after.get(), false) : index;
    List<V> fetched = new ArrayList<>(limit + 1);
    Iterator<V> values = following.values().iterator();
    while (fetched.size() <= limit && values.hasNext()) {
      fetched.add(values.next());
    }
    return fetched;
  }

  /**
   * The page of the first {@code limit} items of {@code fetched}, which holds up to {@code
   * limit + 1} items read in list order: the extra item, if read, only proves that more follow,
   * and the token then resumes after the last item returned.
   */
  <T> Page<T> page(List<T> fetched, int limit, Function<T, String> position) {
    if (fetched.size() <= limit) {
      return Page.last(fetched);
    }
    List<T> items = fetched.subList(0, limit);
    String token =
        PageTokens.encode(tenant, name, arguments, List.of(position.apply(items.get(limit - 1))));
    return new Page<>(items, Optional.of(token));
  }
}
