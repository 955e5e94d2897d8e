package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.PageTokens;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One keyset-paged list as its page tokens see it: the tenant, the list's name and the arguments
 * that select its items. Tokens are minted and checked only through {@link PageTokens}, so they are
 * the same on every backend and fail under another tenant or list.
 *
 * <p>A page query fetches {@link Cursor#fetchSize()} rows (one more than the limit), so a next
 * token is returned if and only if more items existed when the page was read.
 */
public final class Keyset {
  private final TenantId tenant;
  private final String list;
  private final List<String> arguments;

  public Keyset(TenantId tenant, String list, List<String> arguments) {
    this.tenant = tenant;
    this.list = list;
    this.arguments = List.copyOf(arguments);
  }

  /**
   * Validates {@code page} (field {@code page}): its limit, capped, and its token, whose position
   * must have {@code positionSize} parts.
   */
  public Cursor cursor(PageRequest page, int positionSize) {
    int limit = Inputs.pageLimit(page, "page");
    Optional<List<String>> after = PageTokens.decode(page, tenant, list, arguments);
    if (after.isPresent() && after.get().size() != positionSize) {
      throw new InvalidArgumentException(PageTokens.FIELD, "malformed page token position");
    }
    return new Cursor(limit, after);
  }

  /**
   * The page of {@code fetched} rows (at most {@code cursor.fetchSize()}, in list order), with a
   * token after its last item if a further row was fetched.
   */
  public <T> Page<T> page(List<T> fetched, Cursor cursor, Function<T, List<String>> position) {
    if (fetched.size() <= cursor.limit()) {
      return Page.last(fetched);
    }
    List<T> items = fetched.subList(0, cursor.limit());
    T last = items.get(items.size() - 1);
    String token = PageTokens.encode(tenant, list, arguments, position.apply(last));
    return new Page<>(items, Optional.of(token));
  }

  /**
   * A validated page request.
   *
   * @param limit the capped page size
   * @param after the position of the last item of the previous page; empty for the first page
   */
  public record Cursor(int limit, Optional<List<String>> after) {
    /** How many rows a page query fetches: one more than the limit. */
    public int fetchSize() {
      return limit + 1;
    }

    /**
     * The name to read after: the token's position, or {@code ""} on the first page, which sorts
     * before every valid (non-empty) name, so one statement serves every page.
     */
    public String afterName() {
      return after.map(position -> position.get(0)).orElse("");
    }

    /**
     * The sequence to read below, newest first: the token's position, or {@link Long#MAX_VALUE} on
     * the first page.
     */
    public long beforeSequence() {
      if (after.isEmpty()) {
        return Long.MAX_VALUE;
      }
      return PageTokens.sequence(after.get().get(0));
    }
  }
}
