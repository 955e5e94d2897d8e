package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.jdbc.sql.ConnectionSource;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlWork;
import dev.catalogstore.jdbc.sql.Violations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDBC store's transaction primitive, {@link Database#transaction}, against a real PostgreSQL:
 * it commits all or nothing, runs again only what lost a serialization or deadlock race, a bounded
 * number of times, and runs on the store's threads.
 *
 * <p>Failures are forced by {@code fail_first(n, state)}, which raises {@code state} on its first
 * {@code n} calls: it counts calls with a sequence, which a rollback does not undo.
 */
class TransactionTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("transactions");
  private static final String Q = "\"" + SCHEMA + "\".";

  /** Guards against a hang only. */
  private static final long HANG_GUARD_SECONDS = 60;

  private static HikariDataSource dataSource;
  private static Database database;

  @BeforeAll
  static void open() throws SQLException {
    execute(
        "CREATE SCHEMA \"" + SCHEMA + "\"",
        "CREATE TABLE " + Q + "rows (id integer PRIMARY KEY)",
        "CREATE TABLE " + Q + "counter (id integer PRIMARY KEY, n integer NOT NULL)",
        "CREATE SEQUENCE " + Q + "calls",
        "CREATE FUNCTION "
            + Q
            + "fail_first(failures bigint, state text) RETURNS void "
            + "LANGUAGE plpgsql AS $$ BEGIN "
            + "IF nextval('"
            + Q
            + "calls') <= failures THEN "
            + "RAISE EXCEPTION 'forced failure' USING ERRCODE = state; END IF; END $$");
    TestPostgres.Server server = TestPostgres.server();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    if (server.username() != null) {
      config.setUsername(server.username());
      config.setPassword(server.password());
    }
    config.setMaximumPoolSize(2);
    dataSource = new HikariDataSource(config);
    database =
        new Database(
            ConnectionSource.of(dataSource),
            Clock.systemUTC(),
            2,
            10,
            Duration.ofSeconds(10),
            null,
            "tx-test");
  }

  @AfterAll
  static void close() {
    database.close(Duration.ofSeconds(10));
    dataSource.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @BeforeEach
  void reset() throws SQLException {
    execute(
        "TRUNCATE " + Q + "rows",
        "ALTER SEQUENCE " + Q + "calls RESTART",
        "TRUNCATE " + Q + "counter",
        "INSERT INTO " + Q + "counter VALUES (1, 0)");
  }

  @Test
  void theStatementsOfSuccessfulWorkAreCommittedTogetherOnAStoreThread() throws Exception {
    AtomicReference<String> ranOn = new AtomicReference<>();

    String result =
        transaction(
            connection -> {
              ranOn.set(Thread.currentThread().getName());
              insert(connection, 1);
              insert(connection, 2);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(ranOn.get()).startsWith("tx-test-");
    assertThat(storedRows()).isEqualTo(2);
  }

  @Test
  void workThatThrowsIsRolledBackAndItsFailureReachesTheCallerAsItIs() throws Exception {
    ConflictException conflict = new ConflictException("stale", "v2");

    Throwable failure =
        failureOf(
            connection -> {
              insert(connection, 1);
              throw conflict;
            });

    assertThat(failure).isSameAs(conflict);
    assertThat(storedRows()).isZero();
  }

  @Test
  void workThatHitsABugIsRolledBackAndReportedAsAStoreDefect() throws Exception {
    Throwable failure =
        failureOf(
            connection -> {
              insert(connection, 1);
              throw new IllegalStateException("a bug");
            });

    assertThat(failure).isInstanceOf(InternalStoreException.class);
    assertThat(storedRows()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01"})
  void workThatLostASerializationOrDeadlockRaceRunsAgainFromAFreshTransaction(String state)
      throws Exception {
    AtomicInteger runs = new AtomicInteger();

    String result =
        transaction(
            connection -> {
              runs.incrementAndGet();
              // The same key each run: an earlier run's insert that was not rolled back would
              // collide.
              insert(connection, 1);
              failFirst(connection, 2, state);
              return "committed";
            });

    assertThat(result).isEqualTo("committed");
    assertThat(runs).hasValue(3);
    assertThat(storedRows()).isEqualTo(1);
  }

  @Test
  void workThatKeepsLosingGivesUpAfterTheBoundWithARetryableUnavailable() throws Exception {
    AtomicInteger runs = new AtomicInteger();

    Throwable failure =
        failureOf(
            connection -> {
              runs.incrementAndGet();
              insert(connection, 1);
              failFirst(connection, 1_000, "40001");
              return "never";
            });

    assertThat(runs).hasValue(Database.MAX_ATTEMPTS);
    assertThat(failure).isInstanceOf(UnavailableException.class).hasMessageContaining("40001");
    assertThat(((CatalogStoreException) failure).isRetryable()).isTrue();
    assertThat(storedRows()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "22012", "40003", "40002", "55P03", "57014"})
  void noOtherFailureIsRunAgain(String state) throws Exception {
    AtomicInteger runs = new AtomicInteger();

    Throwable failure =
        failureOf(
            connection -> {
              runs.incrementAndGet();
              insert(connection, 1);
              failFirst(connection, 1_000, state);
              return "never";
            });

    assertThat(runs).hasValue(1);
    assertThat(failure).isInstanceOf(CatalogStoreException.class);
    if (state.equals("23505")) {
      assertThat(failure).isInstanceOf(AlreadyExistsException.class);
    }
    assertThat(storedRows()).isZero();
  }

  /**
   * Two serializable read-modify-write transactions of one counter, forced to read before either
   * writes: the second writer fails with 40001, runs again, reads the first one's value, and no
   * increment is lost.
   */
  @Test
  void aRealSerializationFailureIsRetriedAndLosesNoUpdate() throws Exception {
    CyclicBarrier bothRead = new CyclicBarrier(2);
    AtomicInteger runs = new AtomicInteger();
    SqlWork<Integer> increment =
        connection -> {
          boolean firstRun = runs.incrementAndGet() <= 2;
          try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
          }
          int read;
          try (Statement statement = connection.createStatement();
              ResultSet row =
                  statement.executeQuery("SELECT n FROM " + Q + "counter WHERE id = 1")) {
            row.next();
            read = row.getInt(1);
          }
          if (firstRun) {
            await(bothRead);
          }
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE " + Q + "counter SET n = ? WHERE id = 1")) {
            update.setInt(1, read + 1);
            update.executeUpdate();
          }
          return read + 1;
        };

    CompletableFuture<Integer> first = submit(increment);
    CompletableFuture<Integer> second = submit(increment);

    assertThat(
            first.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)
                + second.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
        .isEqualTo(1 + 2);
    assertThat(runs).as("two runs and one more for the loser of the race").hasValue(3);
    assertThat(counter()).isEqualTo(2);
  }

  private static <T> CompletableFuture<T> submit(SqlWork<T> work) {
    Violations violations =
        Violations.NONE.onUnique(() -> new AlreadyExistsException("the row exists"));
    return database.submit("test", () -> database.transaction("test", violations, work));
  }

  private static <T> T transaction(SqlWork<T> work) throws Exception {
    return submit(work).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(SqlWork<?> work) throws Exception {
    Throwable thrown = catchThrowable(() -> submit(work).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }

  private static void insert(Connection connection, int id) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + Q + "rows VALUES (?)")) {
      insert.setInt(1, id);
      insert.executeUpdate();
    }
  }

  private static void failFirst(Connection connection, long failures, String state)
      throws SQLException {
    try (PreparedStatement call = connection.prepareStatement("SELECT " + Q + "fail_first(?, ?)")) {
      call.setLong(1, failures);
      call.setString(2, state);
      call.execute();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the other transaction never read", e);
    }
  }

  private static int storedRows() throws SQLException {
    return count("SELECT count(*) FROM " + Q + "rows");
  }

  private static int counter() throws SQLException {
    return count("SELECT n FROM " + Q + "counter WHERE id = 1");
  }

  private static int count(String sql) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }

  private static void execute(String... statements) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
