package dev.catalogstore.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.UnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a store call's outcome reaches its future; no database is needed for these rules. */
class DatabaseTest {
  private final Database database =
      new Database(
          ConnectionSource.of(null),
          Clock.systemUTC(),
          1,
          10,
          Duration.ofSeconds(10),
          null,
          "database-test");

  @AfterEach
  void close() {
    database.close(Duration.ofSeconds(5));
  }

  @Test
  void aContractFailureReachesTheCallerAsItIs() {
    NotFoundException missing = new NotFoundException(ObjectType.CATALOG, "no such catalog");

    assertThat(
            failureOf(
                database.submit(
                    "getCatalog",
                    () -> {
                      throw missing;
                    })))
        .isSameAs(missing);
  }

  @Test
  void aDefectReachesTheCallerAsANonRetryableInternalStoreException() {
    IllegalStateException defect = new IllegalStateException("defect");

    Throwable failure =
        failureOf(
            database.submit(
                "getCatalog",
                () -> {
                  throw defect;
                }));

    assertThat(failure).isInstanceOf(InternalStoreException.class).hasCause(defect);
    assertThat(((InternalStoreException) failure).isRetryable()).isFalse();
  }

  @Test
  void callsStillQueuedWhenCloseGivesUpFailWithUnavailable() throws Exception {
    Database oneThread =
        new Database(
            ConnectionSource.of(null),
            Clock.systemUTC(),
            1,
            10,
            Duration.ofSeconds(10),
            null,
            "closing-test");
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    CompletableFuture<Object> blocking =
        oneThread.submit(
            "blocking",
            () -> {
              running.countDown();
              try {
                return never.await(1, TimeUnit.HOURS);
              } catch (InterruptedException e) {
                throw new UnavailableException("interrupted", e);
              }
            });
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<String>> queued =
        List.of(
            oneThread.submit("queued-1", () -> "ran"), oneThread.submit("queued-2", () -> "ran"));

    oneThread.close(Duration.ofMillis(50));

    assertThat(failureOf(blocking)).isInstanceOf(UnavailableException.class);
    for (CompletableFuture<String> call : queued) {
      assertThat(failureOf(call))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("closed before the call ran");
    }
  }

  @Test
  void databaseWorkRefusesToRunOnACallersThread() {
    assertThatThrownBy(() -> database.run("getCatalog", Violations.NONE, connection -> "ran"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("store thread");
    assertThatThrownBy(() -> database.transaction("commit", Violations.NONE, connection -> "ran"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("store thread");
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(30, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }
}
