package dev.catalogstore.jdbc.namespace;

import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads namespaces from the rows of {@link NamespaceSql}'s statements. */
final class NamespaceRows {
  /** The columns {@link #namespace} reads, from the table aliased {@code n}. */
  static final String COLUMNS = "n.path, n.properties, n.created_at, n.updated_at";

  /**
   * The columns {@link #namespaceAt} reads: those of {@link #COLUMNS} but the path, for statements
   * that found the row by the very path the caller gave ({@code n.path = :path}, byte-wise), so
   * reading it back would only decode an array equal to the caller's.
   */
  static final String COLUMNS_BUT_PATH = "n.properties, n.created_at, n.updated_at";

  private NamespaceRows() {}

  /** The namespace of {@code catalog} in {@code row}. */
  static Namespace namespace(String catalog, ResultSet row) throws SQLException {
    return new Namespace(
        new NamespaceRef(catalog, new NamespacePath(Rows.textArray(row, "path"))),
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }

  /** The namespace {@code ref} in a row of {@link #COLUMNS_BUT_PATH}. */
  static Namespace namespaceAt(NamespaceRef ref, ResultSet row) throws SQLException {
    return new Namespace(
        ref,
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
