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

  private NamespaceRows() {}

  /** The namespace of {@code catalog} in {@code row}. */
  static Namespace namespace(String catalog, ResultSet row) throws SQLException {
    return new Namespace(
        new NamespaceRef(catalog, new NamespacePath(Rows.textArray(row, "path"))),
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
