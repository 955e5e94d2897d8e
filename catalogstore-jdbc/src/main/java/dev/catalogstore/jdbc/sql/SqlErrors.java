package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.spi.StoredProperties;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;

/**
 * The one place where JDBC failures become the contract's exceptions, decided by SQLState (and by
 * the JDBC exception class where a pool or driver gives no state, and by the constraint's name that
 * PostgreSQL reports as a field of its error). Nothing above this class ever sees an {@link
 * SQLException}, and nothing parses a message.
 *
 * <table>
 *   <caption>SQLState mapping</caption>
 *   <tr><th>SQLState</th><th>meaning</th><th>reported as</th></tr>
 *   <tr><td>23505</td><td>unique violation</td><td>the operation's {@link Violations}</td></tr>
 *   <tr><td>23503</td><td>foreign-key violation</td>
 *       <td>the operation's {@link Violations}</td></tr>
 *   <tr><td>23514 on a {@code *_properties_ck} or {@code *_properties_bytes_ck} constraint</td>
 *       <td>an update would leave more properties, or more bytes of them, stored than {@link
 *       StoredProperties} allows (the limits' check constraints, migrations V2 and V7)</td>
 *       <td>the operation's {@link Violations}</td></tr>
 *   <tr><td>22xxx, 54xxx, 23502, 23514, 42xxx but 42501, XX001, XX002, CS001</td>
 *       <td>data exception, program limit, not-null or check violation, a missing or mistyped
 *       table or column, corruption, a change of an append-only audit event (the schema's own
 *       SQLState {@value #APPEND_ONLY}, which the store never causes): every input was validated before the statement ran, so the
 *       statement itself is wrong (a defect, or a schema drifted from the store's migrations);
 *       retrying cannot help</td>
 *       <td>{@link InternalStoreException}</td></tr>
 *   <tr><td>08xxx, 53xxx, 57P01-03, 57014, 40001, 40P01, 55P03, 25006, 58xxx, XX000</td>
 *       <td>connection lost or refused, out of resources, shutdown, statement timeout,
 *       serialization failure or deadlock (after retries), lock timeout, read-only replica, system
 *       error</td>
 *       <td>{@link UnavailableException}</td></tr>
 *   <tr><td>anything else</td><td>for example a permission denied (42501): the database cannot
 *       serve this store as configured until an operator acts (but a migration that lacks DDL
 *       rights fails with {@code PreconditionFailedException}: see {@code SchemaMigrator})</td>
 *       <td>{@link UnavailableException}</td></tr>
 * </table>
 */
public final class SqlErrors {
  /**
   * The SQLState of the schema's append-only triggers on {@code audit_events} (migration V6): an
   * update, delete or truncate of audit events was refused.
   */
  public static final String APPEND_ONLY = "CS001";

  /**
   * PostgreSQL's read_only_sql_transaction: the server refused to write because it is read-only (a
   * hot standby, or a primary set read-only), which a failover or an operator will end.
   */
  public static final String READ_ONLY = "25006";

  /**
   * PostgreSQL's insufficient_privilege: the database user may not do what the statement asks. In a
   * call that is an outage until an operator grants the right (see the table above); during a
   * schema migration {@code SchemaMigrator} reports it as a precondition instead, since the user
   * lacks DDL rights and no retry gives them.
   */
  public static final String INSUFFICIENT_PRIVILEGE = "42501";

  private SqlErrors() {}

  /** Translates {@code e}, hit by {@code operation}, into the contract's exception. */
  public static CatalogStoreException translate(
      String operation, SQLException e, Violations violations) {
    String state = sqlState(e);
    if ("23505".equals(state)) {
      return violations.unique(operation, e);
    }
    if ("23503".equals(state)) {
      return violations.foreignKey(operation, e);
    }
    if ("23514".equals(state) && isStoredPropertyLimit(constraint(e))) {
      return violations.propertyLimit(operation, e);
    }
    if (isStoreDefect(state)) {
      return new InternalStoreException(
          operation + " failed: the database rejected the store's statement" + describe(state), e);
    }
    if (READ_ONLY.equals(state)) {
      return new UnavailableException(
          operation
              + " failed: the database is read-only (a standby, or a primary set read-only)"
              + describe(state),
          e);
    }
    if (isConnectionFailure(e, state)) {
      return new UnavailableException(
          operation
              + " failed: the database cannot be reached or did not answer in time"
              + describe(state),
          e);
    }
    return new UnavailableException(
        operation + " failed: the database could not run it" + describe(state), e);
  }

  /**
   * Whether the database refused {@code e}'s statement for want of a privilege (SQLState 42501).
   */
  public static boolean isInsufficientPrivilege(SQLException e) {
    return INSUFFICIENT_PRIVILEGE.equals(sqlState(e));
  }

  /**
   * Whether the statement was rolled back because it lost against a concurrent transaction
   * (serialization failure, deadlock), so that running it again is safe and likely to succeed.
   */
  public static boolean isTransactionRollback(SQLException e) {
    String state = sqlState(e);
    return "40001".equals(state) || "40P01".equals(state);
  }

  /**
   * Whether {@code constraint}, as PostgreSQL names it, is one of the check constraints by which
   * the database enforces the stored-property limits: {@code *_properties_ck} for {@link
   * StoredProperties#MAX_ENTRIES} (migration V2) and {@code *_properties_bytes_ck} for {@link
   * StoredProperties#MAX_TOTAL_BYTES} (migration V7).
   */
  private static boolean isStoredPropertyLimit(String constraint) {
    return constraint != null
        && (constraint.endsWith("_properties_ck") || constraint.endsWith("_properties_bytes_ck"));
  }

  private static boolean isStoreDefect(String state) {
    if (state == null) {
      return false;
    }
    return state.startsWith("22")
        || state.startsWith("54")
        || state.equals("23502")
        || state.equals("23514")
        || (state.startsWith("42") && !state.equals(INSUFFICIENT_PRIVILEGE))
        || state.equals("XX001")
        || state.equals("XX002")
        || state.equals(APPEND_ONLY);
  }

  private static boolean isConnectionFailure(SQLException e, String state) {
    if (e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException
        || e instanceof SQLTimeoutException) {
      return true;
    }
    if (state == null) {
      return false;
    }
    return state.startsWith("08")
        || state.startsWith("53")
        || state.startsWith("58")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")
        || state.equals("57014")
        || state.equals("40001")
        || state.equals("40P01")
        || state.equals("55P03")
        || state.equals("XX000");
  }

  /** The first SQLState along the exception's chain; pools often wrap the driver's exception. */
  private static String sqlState(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if (sql.getSQLState() != null) {
          return sql.getSQLState();
        }
        SQLException next = sql.getNextException();
        if (next != null && next.getSQLState() != null) {
          return next.getSQLState();
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The name of the constraint a PostgreSQL error reports, if any. */
  private static String constraint(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
        return psql.getServerErrorMessage().getConstraint();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String describe(String state) {
    return state == null ? "" : " (SQLState " + state + ")";
  }
}
