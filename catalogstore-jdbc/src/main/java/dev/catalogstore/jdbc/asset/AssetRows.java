package dev.catalogstore.jdbc.asset;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/** Reads assets, history entries and the failure-path lookup from the rows of the statements. */
final class AssetRows {
  /** The asset columns {@link #asset} reads, from the table aliased {@code a}. */
  static final String COLUMNS =
      """
      a.asset_id, a.name, a.kind, a.location, a.metadata_location, a.properties,
      a.created_at, a.updated_at""";

  /** The parts of an asset's address, outermost first. */
  private static final ObjectType[] ADDRESS = {
    ObjectType.TENANT, ObjectType.CATALOG, ObjectType.BRANCH, ObjectType.NAMESPACE, ObjectType.ASSET
  };

  private AssetRows() {}

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

  /** A history entry; {@code null} columns (the empty side of a lateral join) read as empty. */
  static Optional<MetadataLocation> history(ResultSet row) throws SQLException {
    if (row.getObject("sequence") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new MetadataLocation(
            row.getLong("sequence"),
            row.getString("location"),
            Rows.optionalText(row, "previous_location"),
            Rows.instant(row, "committed_at")));
  }

  /** What the lookup of {@code ref} found. */
  static AssetLookup lookup(ResultSet row, AssetRef ref) throws SQLException {
    Optional<ObjectType> missing = NotFound.outermost(row, ADDRESS);
    return missing.isPresent()
        ? new AssetLookup(missing, Optional.empty())
        : new AssetLookup(missing, Optional.of(asset(row, ref.branch(), ref.namespace())));
  }

  /** The outermost missing part of the place (the address without the asset) a lookup found. */
  static Optional<ObjectType> missingPlace(ResultSet row) throws SQLException {
    return NotFound.outermost(row, Arrays.copyOf(ADDRESS, ADDRESS.length - 1));
  }

  /**
   * What the failure path of an asset statement found: the outermost missing part of the address,
   * or else the asset as it is now.
   */
  record AssetLookup(Optional<ObjectType> missing, Optional<Asset> asset) {
    AssetLookup {
      if (missing.isPresent() == asset.isPresent()) {
        throw new IllegalArgumentException("either something is missing, or the asset is found");
      }
    }
  }
}
