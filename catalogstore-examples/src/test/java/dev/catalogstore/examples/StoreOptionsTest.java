package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {
  @Test
  void withoutAUrlTheWalkthroughUsesTheInMemoryStore() {
    StoreOptions options = StoreOptions.parse(List.of(), Map.of());

    assertThat(options.jdbcUrl()).isEmpty();
    assertThat(options.jdbcConfig()).isEmpty();
    assertThat(options.description()).isEqualTo("the in-memory store");
  }

  @Test
  void argumentsWinOverTheEnvironment() {
    StoreOptions options =
        StoreOptions.parse(
            List.of("--jdbc-url=jdbc:postgresql://db:5432/cat?ssl=true", "--user=alice"),
            Map.of(
                "CATALOGSTORE_JDBC_URL",
                "jdbc:postgresql://other/x",
                "CATALOGSTORE_JDBC_USER",
                "bob",
                "CATALOGSTORE_JDBC_PASSWORD",
                "s3cret"));

    assertThat(options.jdbcUrl()).contains("jdbc:postgresql://db:5432/cat?ssl=true");
    assertThat(options.user()).contains("alice");
    assertThat(options.password()).contains("s3cret");
    assertThat(options.description()).isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/cat");
    assertThat(options.toString()).doesNotContain("s3cret");

    JdbcStoreConfig config = options.jdbcConfig().orElseThrow();
    assertThat(config.jdbcUrl()).contains("jdbc:postgresql://db:5432/cat?ssl=true");
    assertThat(config.username()).contains("alice");
    assertThat(config.password()).contains("s3cret");
  }

  @Test
  void theEnvironmentAloneSelectsPostgres() {
    StoreOptions options =
        StoreOptions.parse(
            List.of(), Map.of("CATALOGSTORE_JDBC_URL", "jdbc:postgresql://localhost/catalog"));

    assertThat(options.jdbcUrl()).contains("jdbc:postgresql://localhost/catalog");
    assertThat(options.user()).isEqualTo(Optional.empty());
  }

  @Test
  void aUrlThatIsNotPostgresIsRefusedByTheStoreConfig() {
    StoreOptions options = StoreOptions.parse(List.of("--jdbc-url=jdbc:mysql://db/x"), Map.of());

    assertThatThrownBy(options::jdbcConfig)
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("jdbcUrl");
  }

  @Test
  void rejectsUnknownArgumentsWithTheUsage() {
    assertThatThrownBy(() -> StoreOptions.parse(List.of("--jdbc=x"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown argument '--jdbc=x'")
        .hasMessageContaining("Usage:");
  }

  @Test
  void credentialsWithoutAUrlAreAMistake() {
    assertThatThrownBy(() -> StoreOptions.parse(List.of("--user=alice"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need --jdbc-url");
  }
}
