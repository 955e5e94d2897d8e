package dev.catalogstore.jdbc.sql;

import java.util.regex.Pattern;

/**
 * Turns the SQL templates of the store's statements into {@link NamedSql}. Templates name tables as
 * {@code ${schema}.tenants}; the schema is put in once, when the store starts, so every statement
 * is fully qualified and works whatever the connection's search path is (a DataSource supplied by
 * the application included). Parameters are named, {@code :tenant}, and bound by name.
 */
public final class SqlText {
  /** The schema names a configuration accepts: they never need quoting rules beyond the quotes. */
  public static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final String qualifier;

  /** Renders statements for tables in {@code schema}, a name that {@link #SCHEMA_NAME} matches. */
  public SqlText(String schema) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("not a schema name: " + schema);
    }
    this.qualifier = '"' + schema + '"';
  }

  /** {@code template} with {@code ${schema}} replaced by the quoted schema name, compiled. */
  public NamedSql compile(String template) {
    return NamedSql.parse(template.replace("${schema}", qualifier));
  }
}
