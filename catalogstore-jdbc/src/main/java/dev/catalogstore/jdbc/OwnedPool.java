package dev.catalogstore.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.catalogstore.jdbc.sql.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The HikariCP pool of a store configured with a JDBC URL: its size, and the timeouts that bound
 * every call when the database is unreachable or dies mid-call. The store never has more calls
 * running than the pool has connections, so a call never waits for another call's connection: a
 * wait for a connection is a wait for a new one to be opened, which is what the store's outage gate
 * watches ({@code sql/Database}).
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
    // Connections are opened when calls need them, never by a pool that keeps itself full: such a
    // pool keeps trying to open connections to a database that is down, backing off up to 5 s
    // between attempts, so a database that came back would wait up to that long for its first
    // connection. Opened on demand, each attempt starts without backoff, and the store's probe
    // (every 250 ms while the database is down) finds it back at once. Idle connections are kept
    // for idleTimeout (10 minutes), so a busy store opens them once.
    hikari.setMinimumIdle(0);
    hikari.setAutoCommit(true);
    long connectionTimeout = config.connectionTimeout().toMillis();
    hikari.setConnectionTimeout(connectionTimeout);
    // Checking a pooled connection that sat idle is one round trip; it is bounded tightly because
    // it may be part of a call's wait for its connection (HikariCP also requires it to be shorter
    // than connectionTimeout).
    hikari.setValidationTimeout(Math.max(250, Math.min(1_000, connectionTimeout / 4)));
    // Opening the store fails at once when the database is unreachable; later, the pool keeps
    // trying and calls fail with UnavailableException until it is back.
    hikari.setInitializationFailTimeout(1);
    // A connection to a server that turned out read-only is replaced, not handed out again.
    hikari.setExceptionOverride(new ReadOnlyServerEviction());

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
   * The pool as the store borrows from it: waiting at most the given time for each connection, so
   * that each call's wait ends at its own deadline, and reporting in the timeout's SQLState the
   * last failure to open a connection (HikariCP does), so that a refused connection is seen at the
   * end of the first short wait.
   */
  static ConnectionSource connections(HikariDataSource dataSource) {
    if (!(dataSource.getHikariPoolMXBean() instanceof HikariPool pool)) {
      // Not a HikariCP this code knows: its own connectionTimeout bounds each wait.
      return ConnectionSource.of(dataSource);
    }
    return new ConnectionSource() {
      @Override
      public Connection acquire(long timeoutMillis) throws SQLException {
        return pool.getConnection(timeoutMillis);
      }

      @Override
      public boolean honoursTimeout() {
        return true;
      }
    };
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
