package dev.catalogstore.api.paging;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a list to read: at most {@code limit} items, starting after the position encoded in
 * an opaque page token returned by the previous page of the same list.
 *
 * <p>This is a plain carrier: the store validates it. A {@code limit} below 1 is an {@code
 * InvalidArgumentException} on field {@code page.limit}; a limit above {@link #MAX_LIMIT} is capped
 * to it. A token that is malformed, or was minted for another tenant or another list, is an {@code
 * InvalidArgumentException} on field {@code page.pageToken}.
 */
public final class PageRequest {
  /** The page size used by {@link #firstPage()}. */
  public static final int DEFAULT_LIMIT = 100;

  /** The largest page a store returns; larger limits are capped to this. */
  public static final int MAX_LIMIT = 1000;

  private final int limit;
  private final String pageToken;

  private PageRequest(int limit, String pageToken) {
    this.limit = limit;
    this.pageToken = pageToken;
  }

  /** The first page with {@link #DEFAULT_LIMIT} items. */
  public static PageRequest firstPage() {
    return new PageRequest(DEFAULT_LIMIT, null);
  }

  /** The first page with at most {@code limit} items. */
  public static PageRequest firstPage(int limit) {
    return new PageRequest(limit, null);
  }

  /** The page after the one that returned {@code pageToken}, with at most {@code limit} items. */
  public static PageRequest nextPage(String pageToken, int limit) {
    return new PageRequest(limit, pageToken);
  }

  /** The requested number of items, not yet validated or capped. */
  public int limit() {
    return limit;
  }

  /** The token of the previous page; empty for the first page. */
  public Optional<String> pageToken() {
    return Optional.ofNullable(pageToken);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PageRequest other
        && limit == other.limit
        && Objects.equals(pageToken, other.pageToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, pageToken);
  }

  @Override
  public String toString() {
    return "PageRequest[limit=" + limit + ", pageToken=" + pageToken + "]";
  }
}
