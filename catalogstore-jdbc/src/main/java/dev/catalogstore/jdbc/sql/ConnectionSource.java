package dev.catalogstore.jdbc.sql;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where {@link Database} borrows its connections: the store's own pool, which can wait a given time
 * for a connection, or an application's {@link DataSource}, which waits as long as the application
 * configured it to.
 */
public interface ConnectionSource {
  /**
   * A connection, waiting at most about {@code timeoutMillis} for one if {@link #honoursTimeout}.
   *
   * @throws SQLException if none could be had: the database is unreachable, refused the login, or
   *     (only if {@link #honoursTimeout}) none was ready in time, which such a source reports with
   *     a null SQLState when it has not seen a failed attempt to connect
   */
  Connection acquire(long timeoutMillis) throws SQLException;

  /** Whether {@link #acquire} returns within its timeout. */
  boolean honoursTimeout();

  /** An application's DataSource: its own settings bound the wait. */
  static ConnectionSource of(DataSource dataSource) {
    return new ConnectionSource() {
      @Override
      public Connection acquire(long timeoutMillis) throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      public boolean honoursTimeout() {
        return false;
      }
    };
  }
}
