package dev.catalogstore.examples;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same walkthrough on PostgreSQL, when the test database is given as it is for the jdbc
 * module's tests (credentials in the URL). It works in a schema of its own and drops it after.
 */
@EnabledIfEnvironmentVariable(named = WalkthroughOnPostgresTest.URL_VARIABLE, matches = ".+")
class WalkthroughOnPostgresTest {
  static final String URL_VARIABLE = "CATALOGSTORE_TEST_JDBC_URL";

  private final String url = System.getenv(URL_VARIABLE);
  private final String schema =
      ("walkthrough_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);

  @Test
  void tellsTheWholeStoryOnPostgres() {
    JdbcStoreConfig config =
        JdbcStoreConfig.builder()
            .jdbcUrl(url)
            .schema(schema)
            .connectors(Walkthrough.connectors())
            .build();
    try (CatalogStore store = JdbcCatalogStore.open(config)) {
      String output = WalkthroughStory.run(store, "PostgreSQL");

      WalkthroughStory.assertTold(output, "PostgreSQL");
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
