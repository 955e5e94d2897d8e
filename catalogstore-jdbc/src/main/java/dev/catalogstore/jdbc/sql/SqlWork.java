package dev.catalogstore.jdbc.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * JDBC work on one borrowed connection. {@link Database} supplies the connection, returns it to the
 * pool afterwards and translates any {@link SQLException} into the contract's exceptions.
 *
 * @param <T> what the work produces
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
