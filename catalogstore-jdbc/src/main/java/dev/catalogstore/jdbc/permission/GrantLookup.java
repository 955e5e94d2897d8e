package dev.catalogstore.jdbc.permission;

import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The first statement of a transaction that writes grants: whether the tenant and the grants' owner
 * (a user, a role) exist, and the ids of the catalogs the grants name, each catalog locked ({@code
 * FOR KEY SHARE}) until the transaction ends, so that no catalog is deleted between this read and
 * the grants' insert (a delete waits, then cascades to the new grants). Internal to the JDBC store.
 *
 * <p>Parameters: {@code :tenant}, {@code :catalogs::text[]} and those of the owner's test.
 */
public final class GrantLookup {
  private GrantLookup() {}

  /**
   * The statement's template.
   *
   * @param owner a CTE body selecting the owner's row, locked if it must stay (for example {@code
   *     SELECT 1 FROM ${schema}.users u WHERE ... FOR KEY SHARE}), or {@code SELECT 1} if the owner
   *     is written by the transaction itself
   */
  public static String template(String owner) {
    return """
        WITH owner AS (
            %s
        ), locked AS (
            SELECT c.name, c.catalog_id
            FROM ${schema}.catalogs c
            WHERE c.tenant_id = :tenant AND c.name = ANY(:catalogs::text[])
            FOR KEY SHARE
        )
        SELECT EXISTS (SELECT FROM ${schema}.tenants t
                       WHERE t.tenant_id = :tenant AND t.name IS NOT NULL) AS tenant_found,
               EXISTS (SELECT FROM owner) AS owner_found,
               l.name AS catalog_name, l.catalog_id
        FROM (SELECT 1) one
        LEFT JOIN locked l ON true
        """
        .formatted(owner);
  }

  /**
   * What the lookup found.
   *
   * @param tenantFound whether the tenant exists
   * @param ownerFound whether the owner exists
   * @param catalogs the catalogs found, by name, with their ids
   */
  public record Found(boolean tenantFound, boolean ownerFound, Map<String, UUID> catalogs) {}

  /** Runs the bound statement; {@code :catalogs} is bound here. */
  public static Found run(SqlStatement statement, List<String> catalogs) throws SQLException {
    List<Row> rows =
        statement
            .textArray("catalogs", catalogs)
            .query(
                row ->
                    new Row(
                        row.getBoolean("tenant_found"),
                        row.getBoolean("owner_found"),
                        row.getString("catalog_name"),
                        Rows.uuid(row, "catalog_id")));
    // Every row carries the same flags; there is one row at least (one with no catalog if none
    // was found).
    Map<String, UUID> found = new HashMap<>();
    for (Row row : rows) {
      if (row.catalog() != null) {
        found.put(row.catalog(), row.catalogId());
      }
    }
    Row first = rows.get(0);
    return new Found(first.tenantFound(), first.ownerFound(), Map.copyOf(found));
  }

  private record Row(boolean tenantFound, boolean ownerFound, String catalog, UUID catalogId) {}
}
