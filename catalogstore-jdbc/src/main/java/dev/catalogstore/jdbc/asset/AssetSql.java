package dev.catalogstore.jdbc.asset;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the asset statements share: how they find a branch and namespace by name, the asset columns
 * they return, and how they read an asset row.
 */
final class AssetSql {
  /** The asset columns every statement returns, from the table aliased {@code a}. */
  static final String COLUMNS = """
      a.asset_id, a.name, a.kind, a.location, a.metadata_location, a.properties,
      a.created_at, a.updated_at""";

  /**
   * The catalog c, its branch b and namespace n, found by name; pair with {@link #WHERE_PLACE}.
   */
  static final String PLACE = """
      ${schema}.catalogs c
      JOIN ${schema}.branches b ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id
      JOIN ${schema}.namespaces n ON n.tenant_id = c.tenant_id AND n.catalog_id = c.catalog_id
      """;

  /** Five parameters, bound by {@link #bindPlace}: tenant, catalog, branch, path key, path. */
  static final String WHERE_PLACE = """
      c.tenant_id = ? AND c.name = ? AND b.name = ? AND n.path_key = ? AND n.path = ?::text[]""";

  /** Six parameters, bound by {@link #bindAsset}: those of {@link #WHERE_PLACE}, then the name. */
  static final String WHERE_ASSET = WHERE_PLACE + " AND a.name = ?";

  /** Joins the assets a in the namespace n on the branch b of {@link #PLACE}; no parameters. */
  static final String ASSET_AT_PLACE = """
      a.tenant_id = c.tenant_id AND a.branch_id = b.branch_id
        AND a.namespace_id = n.namespace_id""";

  private AssetSql() {}

  /** Binds the parameters of {@link #WHERE_PLACE}. */
  static SqlStatement bindPlace(
      SqlStatement statement, TenantId tenant, BranchRef branch, NamespacePath namespace)
      throws SQLException {
    return statement.uuid(tenant.value()).text(branch.catalog()).text(branch.branch())
        .bytes(NamespaceKey.of(namespace)).textArray(namespace.segments());
  }

  /** Binds the parameters of {@link #WHERE_ASSET}. */
  static SqlStatement bindAsset(SqlStatement statement, TenantId tenant, AssetRef asset)
      throws SQLException {
    return bindPlace(statement, tenant, asset.branch(), asset.namespace()).text(asset.name());
  }

  /** The asset of {@link #COLUMNS} in {@code row}, on {@code branch} in {@code namespace}. */
  static Asset asset(ResultSet row, BranchRef branch, NamespacePath namespace) throws SQLException {
    return new Asset(
        new AssetId(Rows.uuid(row, "asset_id")),
        new AssetRef(branch, namespace, row.getString("name")),
        AssetKind.valueOf(row.getString("kind")),
        Rows.optionalText(row, "location"),
        Rows.optionalText(row, "metadata_location"),
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
