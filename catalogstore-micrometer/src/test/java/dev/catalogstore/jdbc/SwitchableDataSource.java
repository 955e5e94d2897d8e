package dev.catalogstore.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An application's DataSource on the test server that can be switched off: while it is, every
 * attempt to connect is refused as by a stopped server (SQLState 08001).
 */
final class SwitchableDataSource implements DataSource {
  private final PGSimpleDataSource target = new PGSimpleDataSource();
  private volatile boolean refusing;

  SwitchableDataSource() {
    TestPostgres.Server server = TestPostgres.server();
    target.setURL(server.jdbcUrl());
    if (server.username() != null) {
      target.setUser(server.username());
      target.setPassword(server.password());
    }
  }

  /** Whether connections are refused from now on. */
  void refuse(boolean refuse) {
    this.refusing = refuse;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (refusing) {
      throw new SQLException("Connection refused (switched off by the test)", "08001");
    }
    return target.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the store asks without credentials");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
