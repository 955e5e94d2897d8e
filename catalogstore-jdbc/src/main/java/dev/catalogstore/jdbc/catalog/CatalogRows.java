package dev.catalogstore.jdbc.catalog;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogId;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.secret.CredentialSealing;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads catalogs, and the failure-path diagnostic, from the rows of {@link CatalogSql}, opening a
 * federated catalog's connector credentials.
 */
final class CatalogRows {
  /**
   * The columns {@link #catalog} reads, from the catalog aliased {@code c} and its warehouse {@code
   * w} (left-joined: a federated catalog has none).
   */
  static final String COLUMNS =
      """
      c.catalog_id, c.name, c.catalog_type, w.name AS warehouse_name, c.connector_type,
      c.connector_options, c.connector_credentials, c.properties, c.created_at, c.updated_at""";

  private final CredentialSealing sealing;

  CatalogRows(CredentialSealing sealing) {
    this.sealing = sealing;
  }

  /** The tenant's catalog in {@code row}, its connector's credentials (if any) opened. */
  Catalog catalog(TenantId tenant, ResultSet row) throws SQLException {
    String name = row.getString("name");
    CatalogSource source =
        "LOCAL".equals(row.getString("catalog_type"))
            ? new CatalogSource.Local(row.getString("warehouse_name"))
            : new CatalogSource.Federated(
                new ConnectorConfig(
                    row.getString("connector_type"),
                    Rows.json(row, "connector_options"),
                    sealing.open(tenant, name, row.getBytes("connector_credentials"))));
    return new Catalog(
        new CatalogId(Rows.uuid(row, "catalog_id")),
        name,
        source,
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }

  static Lookup lookup(ResultSet row) throws SQLException {
    return new Lookup(
        row.getBoolean("tenant_found"),
        Rows.optionalText(row, "catalog_type"),
        row.getBoolean("warehouse_found"));
  }

  /**
   * What the failure path of a catalog statement found.
   *
   * @param tenantExists whether the tenant exists
   * @param catalogType the type of the tenant's catalog of that name; empty if there is none
   * @param warehouseExists whether the tenant has the warehouse asked about
   */
  record Lookup(boolean tenantExists, Optional<String> catalogType, boolean warehouseExists) {}
}
