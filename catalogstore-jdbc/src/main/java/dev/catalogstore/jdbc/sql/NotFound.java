package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.ObjectType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The diagnostic that says which thing along an address is missing; the failure for it, worded as
 * on every backend, is {@link dev.catalogstore.api.spi.Missing}'s.
 *
 * <p>A statement that acts on a thing finds it and its parents by joins, so when it matches nothing
 * it cannot say which of them is missing. Only then, on the failure path, a diagnostic query reads
 * one row with a boolean column {@code <type>_found} (for example {@code catalog_found}) per part
 * of the address, and {@link #outermost} names the outermost part that is missing, as the contract
 * asks: a missing tenant before its catalog, a catalog before its branch, a branch before its
 * namespace, a namespace before its asset.
 */
public final class NotFound {
  private NotFound() {}

  /**
   * The first of {@code path} (outermost first) whose {@code <type>_found} column in {@code row} is
   * false; empty if all are found.
   */
  public static Optional<ObjectType> outermost(ResultSet row, ObjectType... path)
      throws SQLException {
    for (ObjectType type : path) {
      if (!row.getBoolean(type.name().toLowerCase(Locale.ROOT) + "_found")) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
