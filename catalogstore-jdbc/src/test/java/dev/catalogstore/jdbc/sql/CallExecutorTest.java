package dev.catalogstore.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalogstore.api.error.UnavailableException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls on an executor the application chose, and the availability gate in front of a source that
 * is not the store's own pool; no database is needed: the connections are stand-ins.
 */
class CallExecutorTest {
  private static final long HANG_GUARD_SECONDS = 30;

  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          body -> {
            Thread thread = new Thread(body, "app-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
  private final List<Database> databases = new ArrayList<>();

  @AfterEach
  void close() {
    databases.forEach(database -> database.close(Duration.ofSeconds(5)));
    pool.shutdownNow();
  }

  @Test
  void callsRunOnTheApplicationsExecutorWhichTheStoreNeverShutsDown() throws Exception {
    Set<String> ranOn = ConcurrentHashMap.newKeySet();
    Executor recording =
        task ->
            pool.execute(
                () -> {
                  ranOn.add(Thread.currentThread().getName());
                  task.run();
                });
    Database database = database(new FakeSource(), 2, 10, Duration.ofSeconds(5), recording);

    String result =
        database
            .submit("read", () -> database.run("read", Violations.NONE, connection -> "read"))
            .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    database.close(Duration.ofSeconds(5));

    assertThat(result).isEqualTo("read");
    assertThat(ranOn).isNotEmpty().allMatch(name -> name.startsWith("app-"));
    assertThat(pool.isShutdown()).isFalse();
    assertThat(failureOf(database.submit("late", () -> "ran")))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void atMostMaximumPoolSizeCallsRunAtOnceOnAnUnboundedExecutor() throws Exception {
    Database database = database(new FakeSource(), 2, 100, Duration.ofSeconds(20), pool);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(
          database.submit(
              "call",
              () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(20);
                running.decrementAndGet();
                return 1;
              }));
    }
    for (CompletableFuture<Integer> call : calls) {
      call.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void callsBeyondTheQueueFailAtOnceAndAWaitingCallRunsInItsTurn() throws Exception {
    Database database = database(new FakeSource(), 1, 1, Duration.ofSeconds(1), pool);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> running =
        database.submit(
            "running",
            () -> {
              started.countDown();
              await(release);
              return "done";
            });
    assertThat(started.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> waiting = database.submit("waiting", () -> "ran");
    CompletableFuture<String> refused = database.submit("refused", () -> "ran");

    assertThat(failureOf(refused)).hasMessageContaining("overloaded");
    // A healthy store under load serves its queue in turn, however long the turn takes.
    Thread.sleep(1_500);
    assertThat(waiting).isNotDone();
    release.countDown();
    assertThat(running.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(waiting.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo("ran");
  }

  @Test
  void aDirectExecutorRunsChainedCallsWithoutDeadlockOnOneSlot() throws Exception {
    Database database = database(new FakeSource(), 1, 10, Duration.ofSeconds(5), Runnable::run);

    String chained =
        database
            .submit("first", () -> database.run("first", Violations.NONE, connection -> "a"))
            .thenCompose(
                a ->
                    database.submit(
                        "second", () -> database.run("second", Violations.NONE, c -> a + "b")))
            .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

    assertThat(chained).isEqualTo("ab");
  }

  @Test
  void databaseWorkRefusesToRunOnTheExecutorsThreadsOutsideACall() throws Exception {
    Database database = database(new FakeSource(), 1, 10, Duration.ofSeconds(5), pool);
    CompletableFuture<Throwable> outside = new CompletableFuture<>();
    pool.execute(
        () ->
            outside.complete(
                catchThrowable(() -> database.run("read", Violations.NONE, c -> "ran"))));

    assertThat(outside.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside a store call");
    assertThatThrownBy(() -> database.transaction("write", Violations.NONE, c -> "ran"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDatabaseFoundDownFailsCallsAtOnceUntilAProbeFindsItBack() throws Exception {
    FakeSource source = new FakeSource();
    source.down.set(true);
    Database database = database(source, 2, 100, Duration.ofSeconds(10), pool);

    assertThat(failureOf(read(database))).isInstanceOf(UnavailableException.class);
    int attempts = source.attempts.get();
    List<CompletableFuture<String>> duringOutage = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      duringOutage.add(read(database));
    }
    int probes = 0;
    for (CompletableFuture<String> call : duringOutage) {
      Throwable failure = failureOf(call);
      assertThat(failure).isInstanceOf(UnavailableException.class);
      if (!failure.getMessage().contains("unreachable")) {
        probes++; // a probe that came due (on a slow machine) fails with its own attempt's error
      }
    }
    // A hundred calls, and at most one of them (a probe, if one came due) tried to connect.
    assertThat(source.attempts.get() - attempts).isLessThanOrEqualTo(1);
    assertThat(probes).isLessThanOrEqualTo(source.attempts.get() - attempts);

    source.down.set(false);
    long back = System.nanoTime();
    String result = null;
    while (result == null) {
      try {
        result = read(database).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(UnavailableException.class);
        sleep(10);
      }
    }
    assertThat(result).isEqualTo("read");
    // Found back by the next probe, which is due at most one interval after the last.
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back))
        .isLessThan(Availability.PROBE_INTERVAL_MILLIS + 2_000);
  }

  @Test
  void aBusyApplicationPoolFailsOnlyTheCallItFailedNotTheCallsAfterIt() {
    FakeSource source = new FakeSource();
    Database database = database(source, 2, 100, Duration.ofSeconds(5), pool);
    source.busy.set(true);

    for (int i = 0; i < 5; i++) {
      assertThat(failureOf(read(database))).isInstanceOf(UnavailableException.class);
    }
    // Each call asked the pool: none was failed at once as if the database were down.
    assertThat(source.attempts).hasValue(5);

    source.busy.set(false);
    assertThat(read(database)).succeedsWithin(Duration.ofSeconds(HANG_GUARD_SECONDS));
  }

  @Test
  void aCallStartedInsideAnotherOnTheSameThreadLeavesTheOuterOneACall() {
    Database database = database(new FakeSource(), 2, 100, Duration.ofSeconds(5), Runnable::run);

    CompletableFuture<String> outer =
        database.submit(
            "outer",
            () -> {
              String inner = read(database).join();
              // The outer call still reaches the database after the inner one ended.
              return inner + "+" + database.run("outer", Violations.NONE, c -> "outer");
            });

    assertThat(outer)
        .succeedsWithin(Duration.ofSeconds(HANG_GUARD_SECONDS))
        .isEqualTo("read+outer");
  }

  private static CompletableFuture<String> read(Database database) {
    return database.submit("read", () -> database.run("read", Violations.NONE, c -> "read"));
  }

  private Database database(
      ConnectionSource source, int concurrent, int queued, Duration timeout, Executor executor) {
    Database database =
        new Database(
            source, Clock.systemUTC(), concurrent, queued, timeout, executor, "executor-test");
    databases.add(database);
    return database;
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted", e);
    }
  }

  /**
   * An application's DataSource as the store sees it: stand-in connections, or, while {@link
   * #down}, the failure a driver reports for a refused connection.
   */
  private static final class FakeSource implements ConnectionSource {
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicBoolean busy = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public Connection acquire(long timeoutMillis) throws SQLException {
      attempts.incrementAndGet();
      if (down.get()) {
        throw new SQLException("Connection refused", "08001");
      }
      if (busy.get()) {
        // What a saturated pool says: no SQLState, the database itself is fine.
        throw new SQLException("Connection is not available, request timed out");
      }
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "getAutoCommit", "isValid" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                  });
    }

    @Override
    public boolean honoursTimeout() {
      return false;
    }
  }
}
