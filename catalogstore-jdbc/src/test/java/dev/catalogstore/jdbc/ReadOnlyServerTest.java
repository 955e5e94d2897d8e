package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connection of the store's pool that reaches a read-only server is replaced once that server
 * refuses a write ({@link ReadOnlyServerEviction}), so the store writes again as soon as its
 * address leads to the primary. The address is a {@link TcpProxy} in front of a primary and its hot
 * standby ({@link ReplicatedPostgres}), moved as a virtual IP or a DNS name is moved: to the
 * standby for a while, then back, while connections opened meanwhile stay on the standby. Without
 * the eviction every write drawing such a connection failed until it aged out of the pool, minutes
 * later.
 */
class ReadOnlyServerTest {
  private static final int POOL = 2;

  /** Attempts at a write while the address leads to the standby, until one meets it. */
  private static final int ATTEMPTS_ON_STANDBY = 20;

  private static ReplicatedPostgres servers;

  @BeforeAll
  static void startServers() throws Exception {
    servers = ReplicatedPostgres.start();
  }

  @AfterAll
  static void stopServers() {
    if (servers != null) {
      servers.close();
    }
  }

  @Test
  void aConnectionToAReadOnlyServerIsReplacedSoWritesReachThePrimaryAgain() throws Exception {
    try (TcpProxy address = new TcpProxy("127.0.0.1", servers.primary().port());
        JdbcCatalogStore store =
            JdbcCatalogStore.open(
                JdbcStoreConfig.builder()
                    .jdbcUrl(
                        "jdbc:postgresql://127.0.0.1:" + address.port() + "/postgres?user=postgres")
                    .schema("read_only")
                    .maximumPoolSize(POOL)
                    .build())) {
      store.tenants().create(NewTenant.named("before")).join();

      // The address moves to the standby: open connections break, new ones reach the standby.
      address.retarget(servers.standby().port());
      address.cut();
      address.restore();
      List<Throwable> failures = new ArrayList<>();
      for (int i = 0;
          i < ATTEMPTS_ON_STANDBY && !failures.stream().anyMatch(ReadOnlyServerTest::readOnly);
          i++) {
        failures.add(failureOf(() -> store.tenants().create(NewTenant.named("on-standby")).join()));
        Thread.sleep(50);
      }
      assertThat(failures)
          .as("writes while the address led to the standby")
          .allMatch(failure -> failure instanceof UnavailableException);
      assertThat(failures)
          .as("a write refused by the read-only standby")
          .anyMatch(ReadOnlyServerTest::readOnly);

      // The address moves back; the connections opened to the standby stay open.
      address.retarget(servers.primary().port());
      List<Throwable> failuresAfter = new ArrayList<>();
      Optional<Tenant> written = Optional.empty();
      // Each pooled connection to the standby may fail one write before it is replaced.
      for (int i = 0; i <= POOL && written.isEmpty(); i++) {
        try {
          written = Optional.of(store.tenants().create(NewTenant.named("after")).join());
        } catch (CompletionException e) {
          failuresAfter.add(e.getCause());
        }
      }
      assertThat(failuresAfter).allMatch(failure -> failure instanceof UnavailableException);
      assertThat(written)
          .as(
              "a write within %d attempts after the address led to the primary again; failures: %s",
              POOL + 1, failuresAfter)
          .isPresent();
      assertThat(store.tenants().get(written.get().id()).join()).isPresent();
    }
  }

  /** What {@code call} failed with, unwrapped; null if it succeeded. */
  private static Throwable failureOf(Runnable call) {
    try {
      call.run();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  /** Whether the failure came from a server that refused to write (SQLState 25006). */
  private static boolean readOnly(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "25006".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
