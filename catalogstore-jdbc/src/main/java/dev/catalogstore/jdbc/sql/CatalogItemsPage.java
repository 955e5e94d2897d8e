package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A keyset page of things listed by name within a catalog (branches, tags), read by one statement
 * whose rows carry the address diagnostics ({@code tenant_found}, {@code catalog_found}) beside the
 * item's columns, which are NULL (column {@code name} included) on the one row of an empty page.
 * Parameters: {@code :tenant, :catalog, :after, :limit}.
 */
public final class CatalogItemsPage {
  private CatalogItemsPage() {}

  /**
   * Reads up to {@code cursor.fetchSize()} items of {@code catalog} after the cursor, in list
   * order.
   *
   * @throws dev.catalogstore.api.error.NotFoundException if the tenant or the catalog is missing
   */
  public static <T> List<T> read(
      Connection connection,
      NamedSql sql,
      TenantId tenant,
      String catalog,
      ListQuery.Cursor cursor,
      SqlStatement.RowMapper<T> item)
      throws SQLException {
    List<Row<T>> rows;
    try (SqlStatement query = SqlStatement.prepare(connection, sql)) {
      rows =
          query
              .uuid("tenant", tenant.value())
              .text("catalog", catalog)
              .text("after", cursor.afterName())
              .integer("limit", cursor.fetchSize())
              .query(
                  row ->
                      new Row<>(
                          NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG),
                          row.getString("name") == null
                              ? Optional.empty()
                              : Optional.of(item.map(row))));
    }
    if (!rows.isEmpty() && rows.get(0).missing().isPresent()) {
      throw rows.get(0).missing().get() == ObjectType.TENANT
          ? Missing.tenant(tenant)
          : Missing.catalog(catalog);
    }
    List<T> items = new ArrayList<>();
    rows.forEach(row -> row.item().ifPresent(items::add));
    return items;
  }

  /** A row: what is missing, and the item (empty for the empty side of the join). */
  private record Row<T>(Optional<ObjectType> missing, Optional<T> item) {}
}
