package dev.catalogstore.api.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, in the list's documented stable order.
 *
 * <p>{@code nextPageToken} is present if and only if more items existed when the page was read;
 * pass it to {@link PageRequest#nextPage(String, int)} to read them. (Items deleted meanwhile may
 * leave the following page empty.)
 *
 * @param items the items of this page, at most the request's (capped) limit
 * @param nextPageToken the opaque token for the following page, if any
 */
public record Page<T>(List<T> items, Optional<String> nextPageToken) {
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(nextPageToken, "nextPageToken");
  }

  /** A page with no following page. */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }

  /** The request for the following page with the same limit, if there is one. */
  public Optional<PageRequest> nextPage(int limit) {
    return nextPageToken.map(token -> PageRequest.nextPage(token, limit));
  }
}
