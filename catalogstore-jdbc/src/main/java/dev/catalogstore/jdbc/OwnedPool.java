package dev.catalogstore.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The HikariCP pool of a store configured with a JDBC URL: its size, and the timeouts that bound
 * every call when the database is unreachable or dies mid-call.
 */
final class OwnedPool {
  /** How much longer than a statement may run the driver waits before it deems a socket dead. */
  static final Duration SOCKET_TIMEOUT_MARGIN = Duration.ofSeconds(5);

  /** Names the store's connections in pg_stat_activity: {@code catalogstore/<schema>}. */
  static final String APPLICATION_NAME_PREFIX = "catalogstore/";

  private OwnedPool() {}

  static HikariDataSource open(JdbcStoreConfig config, String poolName) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(poolName);
    hikari.setJdbcUrl(config.jdbcUrl().orElseThrow());
    config.username().ifPresent(hikari::setUsername);
    config.password().ifPresent(hikari::setPassword);
    hikari.setMaximumPoolSize(config.maximumPoolSize());
    hikari.setAutoCommit(true);
    long connectionTimeout = config.connectionTimeout().toMillis();
    hikari.setConnectionTimeout(connectionTimeout);
    // Hikari requires the liveness check of a borrowed connection to be shorter than the wait.
    hikari.setValidationTimeout(Math.max(250, Math.min(5_000, connectionTimeout / 2)));
    // Opening the store fails at once when the database is unreachable; later, the pool keeps
    // trying and calls fail with UnavailableException until it is back.
    hikari.setInitializationFailTimeout(1);

    // The driver's own bounds: opening a socket, logging in, and waiting for the server's answer
    // (a dead peer that never closes the connection). The server stops any statement after
    // queryTimeout.
    hikari.addDataSourceProperty("connectTimeout", seconds(config.connectionTimeout()));
    hikari.addDataSourceProperty("loginTimeout", seconds(config.connectionTimeout()));
    hikari.addDataSourceProperty(
        "socketTimeout", seconds(config.queryTimeout().plus(SOCKET_TIMEOUT_MARGIN)));
    hikari.addDataSourceProperty(
        "options", "-c statement_timeout=" + config.queryTimeout().toMillis());
    hikari.addDataSourceProperty("tcpKeepAlive", "true");
    hikari.addDataSourceProperty("ApplicationName", APPLICATION_NAME_PREFIX + config.schema());
    return new HikariDataSource(hikari);
  }

  /**
   * Unpooled connections for the schema migration at start-up, so that it neither competes with a
   * small pool (Flyway holds one connection for its lock while it migrates on another) nor is cut
   * short by queryTimeout: a migration may rightly take long. Opening a connection is still bounded
   * by connectionTimeout.
   */
  static DataSource migrationDataSource(JdbcStoreConfig config) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(config.jdbcUrl().orElseThrow());
    config.username().ifPresent(dataSource::setUser);
    config.password().ifPresent(dataSource::setPassword);
    int timeout = Integer.parseInt(seconds(config.connectionTimeout()));
    dataSource.setConnectTimeout(timeout);
    dataSource.setLoginTimeout(timeout);
    dataSource.setTcpKeepAlive(true);
    dataSource.setApplicationName(APPLICATION_NAME_PREFIX + config.schema() + " migration");
    return dataSource;
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }
}
