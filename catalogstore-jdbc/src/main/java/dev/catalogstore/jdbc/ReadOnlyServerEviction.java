package dev.catalogstore.jdbc;

import com.zaxxer.hikari.SQLExceptionOverride;
import dev.catalogstore.jdbc.sql.SqlErrors;
import java.sql.SQLException;

/**
 * Makes the owned pool discard a connection whose server refused a write because it is read-only
 * (SQLState {@value SqlErrors#READ_ONLY}): a hot standby, or a primary an operator fenced with
 * {@code default_transaction_read_only}.
 *
 * <p>HikariCP discards only connections it takes for broken (SQLState class 08 and a few others). A
 * connection to a read-only server is healthy, so it would be kept and handed to call after call,
 * each failing, until it aged out (the idle timeout, ten minutes, or the maximum lifetime): after a
 * failover behind a virtual IP or a DNS name that pointed at the standby for a while, or when a
 * connection was opened while the address still named the old server. Discarded instead, it is
 * replaced by a new connection, which goes wherever the URL leads now (with {@code
 * targetServerType=primary}, to a server that accepts writes: pgjdbc skips a server in hot standby
 * and one whose {@code transaction_read_only} is on). The call that met the read-only server still
 * fails, with {@code UnavailableException}, which tells its caller to retry.
 *
 * <p>The store never makes a transaction read-only itself, so this state always comes from the
 * server.
 */
final class ReadOnlyServerEviction implements SQLExceptionOverride {
  // No @Override: inside this class the name means SQLExceptionOverride.Override, the verdict.
  public SQLExceptionOverride.Override adjudicate(SQLException e) {
    return SqlErrors.READ_ONLY.equals(e.getSQLState())
        ? SQLExceptionOverride.Override.MUST_EVICT
        : SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}
