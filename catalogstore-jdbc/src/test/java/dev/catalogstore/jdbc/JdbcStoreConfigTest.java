package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.jdbc.secret.SecretCodec;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@link JdbcStoreConfig}: defaults, and a clear error naming the setting for bad ones. */
class JdbcStoreConfigTest {
  private static final String URL = "jdbc:postgresql://localhost:5432/catalog";

  @Test
  void toStringNeverShowsAPasswordNotEvenOneInsideTheUrl() {
    JdbcStoreConfig config =
        JdbcStoreConfig.builder()
            .jdbcUrl("jdbc:postgresql://db/catalog?user=app&password=s3cret&sslpassword=k3y;x=1")
            .password("other-s3cret")
            .build();

    assertThat(config.toString())
        .doesNotContain("s3cret")
        .doesNotContain("k3y")
        .contains("user=app")
        .contains("password=<redacted>")
        .contains("x=1");
  }

  @Test
  void aUrlAloneIsAValidConfigurationWithDocumentedDefaults() {
    JdbcStoreConfig config = JdbcStoreConfig.builder().jdbcUrl(URL).build();

    assertThat(config.jdbcUrl()).contains(URL);
    assertThat(config.dataSource()).isEmpty();
    assertThat(config.username()).isEmpty();
    assertThat(config.password()).isEmpty();
    assertThat(config.schema()).isEqualTo("catalogstore");
    assertThat(config.maximumPoolSize()).isEqualTo(10);
    assertThat(config.maximumQueuedCalls()).isEqualTo(10_000);
    assertThat(config.migrationMode()).isEqualTo(MigrationMode.MIGRATE);
    assertThat(config.secretCodec()).isEmpty();
    assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void everySettingIsKept() {
    Clock clock = Clock.systemDefaultZone();
    SecretCodec codec = SecretCodec.plaintextForTesting();
    JdbcStoreConfig config =
        JdbcStoreConfig.builder()
            .jdbcUrl(URL)
            .username("app")
            .password("secret")
            .maximumPoolSize(3)
            .maximumQueuedCalls(50)
            .schema("tenant_data")
            .migrationMode(MigrationMode.VALIDATE)
            .secretCodec(codec)
            .clock(clock)
            .connectionTimeout(Duration.ofSeconds(2))
            .queryTimeout(Duration.ofSeconds(5))
            .build();

    assertThat(config.username()).contains("app");
    assertThat(config.password()).contains("secret");
    assertThat(config.maximumPoolSize()).isEqualTo(3);
    assertThat(config.maximumQueuedCalls()).isEqualTo(50);
    assertThat(config.schema()).isEqualTo("tenant_data");
    assertThat(config.migrationMode()).isEqualTo(MigrationMode.VALIDATE);
    assertThat(config.secretCodec()).containsSame(codec);
    assertThat(config.clock()).isSameAs(clock);
    assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theDescriptionNeverShowsThePassword() {
    JdbcStoreConfig config =
        JdbcStoreConfig.builder().jdbcUrl(URL).username("app").password("hunter2").build();

    assertThat(config.toString()).contains("app").doesNotContain("hunter2");
  }

  @Test
  void aDataSourceReplacesTheUrl() {
    DataSource dataSource = new NoDataSource();
    JdbcStoreConfig config = JdbcStoreConfig.builder().dataSource(dataSource).build();

    assertThat(config.dataSource()).containsSame(dataSource);
    assertThat(config.jdbcUrl()).isEmpty();
  }

  @Test
  void badSettingsAreRejectedNamingTheSetting() {
    assertRejected("jdbcUrl", b -> b);
    assertRejected("jdbcUrl", b -> b.jdbcUrl("jdbc:mysql://localhost/catalog"));
    assertRejected("dataSource", b -> b.jdbcUrl(URL).dataSource(new NoDataSource()));
    assertRejected("username", b -> b.dataSource(new NoDataSource()).username("app"));
    assertRejected("password", b -> b.dataSource(new NoDataSource()).password("secret"));
    assertRejected(
        "connectionTimeout",
        b -> b.dataSource(new NoDataSource()).connectionTimeout(Duration.ofSeconds(5)));
    assertRejected(
        "queryTimeout", b -> b.dataSource(new NoDataSource()).queryTimeout(Duration.ofSeconds(5)));
    assertRejected("maximumPoolSize", b -> b.jdbcUrl(URL).maximumPoolSize(0));
    assertRejected("maximumQueuedCalls", b -> b.jdbcUrl(URL).maximumQueuedCalls(0));
    assertRejected("schema", b -> b.jdbcUrl(URL).schema(null));
    assertRejected("schema", b -> b.jdbcUrl(URL).schema(""));
    assertRejected("schema", b -> b.jdbcUrl(URL).schema("Catalog"));
    assertRejected("schema", b -> b.jdbcUrl(URL).schema("1catalog"));
    assertRejected("schema", b -> b.jdbcUrl(URL).schema("catalog\"; drop schema public; --"));
    assertRejected("schema", b -> b.jdbcUrl(URL).schema("s".repeat(64)));
    assertRejected("migrationMode", b -> b.jdbcUrl(URL).migrationMode(null));
    assertRejected("clock", b -> b.jdbcUrl(URL).clock(null));
    assertRejected(
        "connectionTimeout", b -> b.jdbcUrl(URL).connectionTimeout(Duration.ofMillis(999)));
    assertRejected("queryTimeout", b -> b.jdbcUrl(URL).queryTimeout(Duration.ofMillis(999)));
    assertRejected("queryTimeout", b -> b.jdbcUrl(URL).queryTimeout(Duration.ofDays(2)));
    assertRejected("purgeBatchSize", b -> b.jdbcUrl(URL).purgeBatchSize(0));
    assertRejected("purgeBatchSize", b -> b.jdbcUrl(URL).purgeBatchSize(100_001));
    assertRejected("purgeInterval", b -> b.jdbcUrl(URL).purgeInterval(null));
    assertRejected("purgeInterval", b -> b.jdbcUrl(URL).purgeInterval(Duration.ofMillis(99)));
    assertRejected("purgeInterval", b -> b.jdbcUrl(URL).purgeInterval(Duration.ofDays(2)));
  }

  @Test
  void thePurgeSettingsHaveDefaultsAndAreKept() {
    JdbcStoreConfig defaults = JdbcStoreConfig.builder().jdbcUrl(URL).build();
    JdbcStoreConfig set =
        JdbcStoreConfig.builder()
            .jdbcUrl(URL)
            .purgeBatchSize(500)
            .purgeInterval(Duration.ofSeconds(1))
            .build();

    assertThat(defaults.purgeBatchSize()).isEqualTo(JdbcStoreConfig.DEFAULT_PURGE_BATCH_SIZE);
    assertThat(defaults.purgeInterval()).isEqualTo(JdbcStoreConfig.DEFAULT_PURGE_INTERVAL);
    assertThat(defaults.purgePaused()).isFalse();
    assertThat(set.purgeBatchSize()).isEqualTo(500);
    assertThat(set.purgeInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  private static void assertRejected(
      String field, UnaryOperator<JdbcStoreConfig.Builder> settings) {
    assertThatThrownBy(() -> settings.apply(JdbcStoreConfig.builder()).build())
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo(field);
  }

  /** A DataSource for configurations that are never opened. */
  private static final class NoDataSource implements DataSource {
    @Override
    public Connection getConnection() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Connection getConnection(String username, String password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
