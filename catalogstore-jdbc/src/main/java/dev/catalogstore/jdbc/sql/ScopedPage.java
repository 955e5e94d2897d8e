package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.ObjectType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A keyset page of things that belong to a tenant (or to a user or role of it), read by one
 * statement whose rows carry the owner's diagnostics ({@code tenant_found}, {@code user_found}, …)
 * beside the item's columns. The statement starts from the ids given ({@code FROM (SELECT
 * :tenant::uuid ...) k}) and joins the page laterally, so it always returns at least one row: on an
 * empty page (or a missing owner) that row's item columns are NULL.
 */
public final class ScopedPage {
  private ScopedPage() {}

  /**
   * Runs {@code query} (every parameter bound) and reads its page.
   *
   * @param itemColumn a column that is NULL exactly on the row of an empty page
   * @param path the owner's parts, outermost first, each with its {@code <type>_found} column
   * @param item reads one item
   */
  public static <T> Read<T> read(
      SqlStatement query, String itemColumn, List<ObjectType> path, SqlStatement.RowMapper<T> item)
      throws SQLException {
    ObjectType[] parts = path.toArray(new ObjectType[0]);
    List<Row<T>> rows =
        query.query(
            row ->
                new Row<>(
                    NotFound.outermost(row, parts),
                    row.getObject(itemColumn) == null
                        ? Optional.empty()
                        : Optional.of(item.map(row))));
    if (rows.isEmpty()) {
      throw new IllegalStateException("a scoped page read no row at all");
    }
    if (rows.get(0).missing().isPresent()) {
      return new Read<>(rows.get(0).missing(), List.of());
    }
    List<T> items = new ArrayList<>();
    rows.forEach(row -> row.item().ifPresent(items::add));
    return new Read<>(Optional.empty(), items);
  }

  /**
   * What a page read found.
   *
   * @param missing the outermost missing part of the owner, if any (then there are no items)
   * @param items the page's items in list order
   */
  public record Read<T>(Optional<ObjectType> missing, List<T> items) {}

  private record Row<T>(Optional<ObjectType> missing, Optional<T> item) {}
}
