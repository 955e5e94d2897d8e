package dev.catalogstore.jdbc.asset;

import static dev.catalogstore.jdbc.asset.AssetSql.ASSET_AT_PLACE;
import static dev.catalogstore.jdbc.asset.AssetSql.COLUMNS;
import static dev.catalogstore.jdbc.asset.AssetSql.PLACE;
import static dev.catalogstore.jdbc.asset.AssetSql.WHERE_ASSET;
import static dev.catalogstore.jdbc.asset.AssetSql.WHERE_PLACE;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Changes to assets, each one statement. Uniqueness of an asset's coordinates is {@code
 * assets_name_uq}; an asset and its first history entry are inserted together; deleting an asset
 * removes its history through {@code ON DELETE CASCADE}.
 */
final class AssetWrites {
  /**
   * Inserts nothing when the catalog, branch or namespace does not exist. The first metadata
   * location, if any, becomes history entry 1 in the same statement.
   */
  private static final String INSERT = """
      WITH place AS (
          SELECT b.tenant_id, b.branch_id, n.namespace_id
          FROM %s
          WHERE %s
      ), asset AS (
          INSERT INTO ${schema}.assets
              (tenant_id, asset_id, branch_id, namespace_id, name, kind, location,
               metadata_location, metadata_sequence, properties, created_at, updated_at)
          SELECT tenant_id, ?, branch_id, namespace_id, ?, ?, ?, ?::text,
                 CASE WHEN ?::text IS NULL THEN 0 ELSE 1 END, ?::jsonb, ?, ?
          FROM place
          RETURNING tenant_id, asset_id, metadata_location, created_at
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT tenant_id, asset_id, 1, metadata_location, NULL, created_at
          FROM asset
          WHERE metadata_location IS NOT NULL
      )
      SELECT count(*) AS created
      FROM asset
      """.formatted(PLACE, WHERE_PLACE);

  /**
   * Moves the asset a (source namespace n) to the target namespace t of the same catalog. Matches
   * nothing if the asset or the target namespace does not exist; a taken target is a unique
   * violation.
   */
  private static final String RENAME = """
      UPDATE ${schema}.assets a
      SET namespace_id = t.namespace_id,
          name = ?,
          updated_at = ?
      FROM %s
      JOIN ${schema}.namespaces t ON t.tenant_id = c.tenant_id AND t.catalog_id = c.catalog_id
      WHERE %s
        AND t.path_key = ? AND t.path = ?::text[]
        AND %s
        AND a.name = ?
      RETURNING %s
      """.formatted(PLACE, WHERE_PLACE, ASSET_AT_PLACE, COLUMNS);

  private static final String UPDATE_PROPERTIES = """
      UPDATE ${schema}.assets a
      SET properties = (a.properties - ?::text[]) || ?::jsonb,
          updated_at = ?
      FROM %s
      WHERE %s
        AND %s
      RETURNING %s
      """.formatted(PLACE, WHERE_ASSET, ASSET_AT_PLACE, COLUMNS);

  private static final String DELETE = """
      DELETE FROM ${schema}.assets a
      USING %s
      WHERE %s
        AND %s
      """.formatted(PLACE, WHERE_ASSET, ASSET_AT_PLACE);

  private final String insert;
  private final String rename;
  private final String updateProperties;
  private final String delete;

  AssetWrites(SqlText sql) {
    this.insert = sql.render(INSERT);
    this.rename = sql.render(RENAME);
    this.updateProperties = sql.render(UPDATE_PROPERTIES);
    this.delete = sql.render(DELETE);
  }

  /** The created asset; empty if its catalog, branch or namespace does not exist. */
  Optional<Asset> create(
      Connection connection, TenantId tenant, AssetRef ref, NewAsset request, Instant now)
      throws SQLException {
    Asset asset = new Asset(AssetId.random(), ref, request.kind(), request.location(),
        request.metadataLocation(), request.properties(), now, now);
    String metadataLocation = request.metadataLocation().orElse(null);
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      AssetSql.bindPlace(statement, tenant, ref.branch(), ref.namespace())
          .uuid(asset.id().value()).text(ref.name()).text(request.kind().name())
          .text(request.location().orElse(null))
          .text(metadataLocation).text(metadataLocation)
          .json(asset.properties()).timestamp(now).timestamp(now);
      long created = statement.query(row -> row.getLong("created")).get(0);
      return created == 0 ? Optional.empty() : Optional.of(asset);
    }
  }

  /** The renamed asset; empty if the asset or the target namespace does not exist. */
  Optional<Asset> rename(
      Connection connection, TenantId tenant, AssetRef from, AssetRef to, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, rename)) {
      statement.text(to.name()).timestamp(now);
      AssetSql.bindPlace(statement, tenant, from.branch(), from.namespace())
          .bytes(NamespaceKey.of(to.namespace())).textArray(to.namespace().segments())
          .text(from.name());
      return statement.query(row -> AssetSql.asset(row, to.branch(), to.namespace()))
          .stream().findFirst();
    }
  }

  /** The updated asset; empty if it does not exist. */
  Optional<Asset> updateProperties(
      Connection connection, TenantId tenant, AssetRef ref, PropertyUpdate update, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, updateProperties)) {
      statement.textArray(update.remove()).json(update.set()).timestamp(now);
      return AssetSql.bindAsset(statement, tenant, ref)
          .query(row -> AssetSql.asset(row, ref.branch(), ref.namespace()))
          .stream().findFirst();
    }
  }

  /** Whether the asset existed and is now deleted, with its history. */
  boolean delete(Connection connection, TenantId tenant, AssetRef ref) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return AssetSql.bindAsset(statement, tenant, ref).update() > 0;
    }
  }
}
