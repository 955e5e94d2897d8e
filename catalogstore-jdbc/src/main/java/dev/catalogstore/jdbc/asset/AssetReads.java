package dev.catalogstore.jdbc.asset;

import static dev.catalogstore.jdbc.asset.AssetSql.ASSET_AT_PLACE;
import static dev.catalogstore.jdbc.asset.AssetSql.COLUMNS;
import static dev.catalogstore.jdbc.asset.AssetSql.PLACE;
import static dev.catalogstore.jdbc.asset.AssetSql.WHERE_ASSET;
import static dev.catalogstore.jdbc.asset.AssetSql.WHERE_PLACE;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Keyset;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads of assets, each one statement that resolves catalog, branch and namespace by joins. */
final class AssetReads {
  private static final String SELECT = """
      SELECT %s
      FROM %s
      JOIN ${schema}.assets a ON %s
      WHERE %s
      """.formatted(COLUMNS, PLACE, ASSET_AT_PLACE, WHERE_ASSET);

  /** By primary key (tenant_id, asset_id), with the coordinates where the asset lives now. */
  private static final String SELECT_BY_ID = """
      SELECT %s, c.name AS catalog_name, b.name AS branch_name, n.path AS namespace_path
      FROM ${schema}.assets a
      JOIN ${schema}.branches b ON b.tenant_id = a.tenant_id AND b.branch_id = a.branch_id
      JOIN ${schema}.catalogs c ON c.tenant_id = b.tenant_id AND c.catalog_id = b.catalog_id
      JOIN ${schema}.namespaces n ON n.tenant_id = a.tenant_id AND n.namespace_id = a.namespace_id
      WHERE a.tenant_id = ? AND a.asset_id = ?
      """.formatted(COLUMNS);

  /**
   * One page by name, on the index of assets_name_uq. No row: the catalog, branch or namespace does
   * not exist; one row of NULLs: an empty page.
   */
  private static final String SELECT_PAGE = """
      SELECT a.*
      FROM %s
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.assets a
          WHERE a.tenant_id = c.tenant_id AND a.branch_id = b.branch_id
            AND a.namespace_id = n.namespace_id AND a.name > ?
          ORDER BY a.name
          LIMIT ?
      ) a ON true
      WHERE %s
      """.formatted(PLACE, COLUMNS, WHERE_PLACE);

  private final String select;
  private final String selectById;
  private final String selectPage;

  AssetReads(SqlText sql) {
    this.select = sql.render(SELECT);
    this.selectById = sql.render(SELECT_BY_ID);
    this.selectPage = sql.render(SELECT_PAGE);
  }

  Optional<Asset> get(Connection connection, TenantId tenant, AssetRef asset) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return AssetSql.bindAsset(query, tenant, asset)
          .query(row -> AssetSql.asset(row, asset.branch(), asset.namespace()))
          .stream().findFirst();
    }
  }

  Optional<Asset> getById(Connection connection, TenantId tenant, AssetId id) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectById)) {
      return query.uuid(tenant.value()).uuid(id.value())
          .query(row -> AssetSql.asset(
              row,
              new BranchRef(row.getString("catalog_name"), row.getString("branch_name")),
              new NamespacePath(Rows.textArray(row, "namespace_path"))))
          .stream().findFirst();
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} assets after the cursor; empty if the place does not exist,
   * a list of empties (one) if it exists but holds no more assets.
   */
  List<Optional<Asset>> page(
      Connection connection,
      TenantId tenant,
      BranchRef branch,
      NamespacePath namespace,
      Keyset.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      query.text(cursor.afterName()).integer(cursor.fetchSize());
      return AssetSql.bindPlace(query, tenant, branch, namespace)
          .query(row -> row.getObject("asset_id") == null
              ? Optional.<Asset>empty()
              : Optional.of(AssetSql.asset(row, branch, namespace)));
    }
  }
}
