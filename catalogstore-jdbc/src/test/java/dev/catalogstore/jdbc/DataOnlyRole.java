package dev.catalogstore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A login role of the test server holding exactly the grants README, "Upgrading the schema", lists
 * for an application user without DDL rights: {@code USAGE} on the store's schema and {@code
 * SELECT}, {@code INSERT}, {@code UPDATE} and {@code DELETE} on its tables, nothing else. The test
 * server's owner creates and drops it.
 */
final class DataOnlyRole {
  private final String name;
  private final String schema;
  private final String password = "data-only-" + UUID.randomUUID();

  private DataOnlyRole(String name, String schema) {
    this.name = name;
    this.schema = schema;
  }

  /**
   * Creates a role with the README's grants on {@code schema}, whose tables must exist already
   * (grants on "all tables" cover the tables there now).
   */
  static DataOnlyRole grantedOn(String schema) throws SQLException {
    DataOnlyRole role = new DataOnlyRole(schema + "_app", schema);
    role.runAsOwner(
        "CREATE ROLE %2$s LOGIN PASSWORD '%3$s'",
        "GRANT USAGE ON SCHEMA %1$s TO %2$s",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1$s TO %2$s");
    return role;
  }

  /** The test server's configuration for the store in {@code target}, connecting as this role. */
  JdbcStoreConfig.Builder config(String target) {
    return TestPostgres.config(target)
        .jdbcUrl(withoutCredentials(TestPostgres.server().jdbcUrl()))
        .username(name)
        .password(password);
  }

  /** Drops the role and whatever was granted to it. */
  void drop() throws SQLException {
    runAsOwner("DROP OWNED BY %2$s", "DROP ROLE %2$s");
  }

  /** {@code url} without its user and password parameters, which would win over the builder's. */
  private static String withoutCredentials(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String kept =
        Arrays.stream(url.substring(query + 1).split("&"))
            .filter(
                parameter -> !parameter.startsWith("user=") && !parameter.startsWith("password="))
            .collect(Collectors.joining("&"));
    return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }

  /** Runs each statement as the test server's owner; %1$s is the schema, %2$s the role. */
  private void runAsOwner(String... statements) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql.formatted(schema, name, password));
      }
    }
  }
}
