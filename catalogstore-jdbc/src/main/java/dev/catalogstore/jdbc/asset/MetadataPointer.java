package dev.catalogstore.jdbc.asset;

import static dev.catalogstore.jdbc.asset.AssetSql.ASSET_AT_PLACE;
import static dev.catalogstore.jdbc.asset.AssetSql.COLUMNS;
import static dev.catalogstore.jdbc.asset.AssetSql.PLACE;
import static dev.catalogstore.jdbc.asset.AssetSql.WHERE_ASSET;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Keyset;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The metadata pointer: a compare-and-set of an asset's metadata location and its history.
 *
 * <p>A commit is one statement: an {@code UPDATE} whose {@code WHERE} requires the stored location
 * to be the expected one, and, in a data-modifying CTE of the same statement, the history entry.
 * Under concurrent commits of the same asset PostgreSQL serialises the row updates and re-checks
 * the {@code WHERE} against the winner's row, so of N commits holding the same expected location
 * exactly one matches, also across store instances. Only when nothing matched does a second query
 * tell a missing asset ({@code NotFound}) from a lost race ({@code Conflict}, with the location
 * stored now).
 */
final class MetadataPointer {
  private static final String COMMIT = """
      WITH committed AS (
          UPDATE ${schema}.assets a
          SET metadata_location = ?,
              metadata_sequence = a.metadata_sequence + 1,
              updated_at = ?
          FROM %s
          WHERE %s
            AND %s
            AND a.metadata_location IS NOT DISTINCT FROM ?::text
          RETURNING a.*
      ), history AS (
          INSERT INTO ${schema}.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT tenant_id, asset_id, metadata_sequence, metadata_location, ?::text, updated_at
          FROM committed
      )
      SELECT %s
      FROM committed a
      """.formatted(PLACE, WHERE_ASSET, ASSET_AT_PLACE, COLUMNS);

  /** The failure path of a commit: does the asset exist, and what is its location now? */
  private static final String SELECT_LOCATION = """
      SELECT a.metadata_location
      FROM %s
      JOIN ${schema}.assets a ON %s
      WHERE %s
      """.formatted(PLACE, ASSET_AT_PLACE, WHERE_ASSET);

  /**
   * Newest first, on the primary key read backwards. No row: the asset does not exist; one row of
   * NULLs: no (more) history.
   */
  private static final String SELECT_HISTORY_PAGE = """
      SELECT h.*
      FROM %s
      JOIN ${schema}.assets a ON %s
      LEFT JOIN LATERAL (
          SELECT h.sequence, h.location, h.previous_location, h.committed_at
          FROM ${schema}.metadata_history h
          WHERE h.tenant_id = a.tenant_id AND h.asset_id = a.asset_id AND h.sequence < ?
          ORDER BY h.sequence DESC
          LIMIT ?
      ) h ON true
      WHERE %s
      """.formatted(PLACE, ASSET_AT_PLACE, WHERE_ASSET);

  private final String commit;
  private final String selectLocation;
  private final String selectHistoryPage;

  MetadataPointer(SqlText sql) {
    this.commit = sql.render(COMMIT);
    this.selectLocation = sql.render(SELECT_LOCATION);
    this.selectHistoryPage = sql.render(SELECT_HISTORY_PAGE);
  }

  /** The asset after the commit; empty if the stored location was not the expected one. */
  Optional<Asset> commit(
      Connection connection, TenantId tenant, AssetRef ref, MetadataCommit commit, Instant now)
      throws SQLException {
    String expected = commit.expected().orElse(null);
    try (SqlStatement statement = SqlStatement.prepare(connection, this.commit)) {
      statement.text(commit.next()).timestamp(now);
      AssetSql.bindPlace(statement, tenant, ref.branch(), ref.namespace())
          .text(ref.name()).text(expected).text(expected);
      return statement.query(row -> AssetSql.asset(row, ref.branch(), ref.namespace()))
          .stream().findFirst();
    }
  }

  /**
   * The asset's metadata location now: empty if the asset does not exist, an empty optional
   * inside if it has none.
   */
  Optional<Optional<String>> currentLocation(Connection connection, TenantId tenant, AssetRef ref)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectLocation)) {
      return AssetSql.bindAsset(query, tenant, ref)
          .query(row -> Rows.optionalText(row, "metadata_location"))
          .stream().findFirst();
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} history entries below {@code beforeSequence}, newest first;
   * empty if the asset does not exist, a list of empties (one) if it has no more entries.
   */
  List<Optional<MetadataLocation>> historyPage(
      Connection connection, TenantId tenant, AssetRef ref, long beforeSequence,
      Keyset.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectHistoryPage)) {
      query.bigint(beforeSequence).integer(cursor.fetchSize());
      return AssetSql.bindAsset(query, tenant, ref)
          .query(row -> row.getObject("sequence") == null
              ? Optional.<MetadataLocation>empty()
              : Optional.of(new MetadataLocation(
                  row.getLong("sequence"),
                  row.getString("location"),
                  Rows.optionalText(row, "previous_location"),
                  Rows.instant(row, "committed_at"))));
    }
  }
}
