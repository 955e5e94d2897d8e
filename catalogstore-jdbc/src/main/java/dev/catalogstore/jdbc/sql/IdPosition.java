package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.PageTokens;
import java.util.UUID;

/**
 * The keyset position of a list ordered by id (permissions, effective permissions, tokens): the
 * position is the last id's canonical lowercase string, whose order is PostgreSQL's {@code uuid}
 * order, so a page reads {@code id > :after} on the table's uuid index.
 */
public final class IdPosition {
  /** Below every id a store issues (random and name-based UUIDs are never nil). */
  private static final UUID FIRST = new UUID(0, 0);

  private IdPosition() {}

  /**
   * The id to read after: the cursor's position, or the nil UUID on the first page.
   *
   * @throws InvalidArgumentException on the page token if its position is not an id's canonical
   *     form: only a forged token can hold one
   */
  public static UUID after(ListQuery.Cursor cursor) {
    if (cursor.after().isEmpty()) {
      return FIRST;
    }
    String position = cursor.after().get();
    try {
      UUID id = UUID.fromString(position);
      if (id.toString().equals(position)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidArgumentException(PageTokens.FIELD, "malformed page token position");
  }
}
