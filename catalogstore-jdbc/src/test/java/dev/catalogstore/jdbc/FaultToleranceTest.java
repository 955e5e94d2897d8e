package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store whose database goes away: through a {@link TcpProxy} the test cuts the network, turns it
 * into a black hole, or kills the pool's server processes. Calls must then fail with {@link
 * UnavailableException} (not hang), and succeed again once the database is back, without a restart
 * of the store.
 */
class FaultToleranceTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("faults");

  /** Guards against a hang only: a failing call ends within connection plus query timeout. */
  private static final long HANG_GUARD_SECONDS = 60;

  /**
   * How long recovery may take once the network is back: failed calls evict broken connections, and
   * a store that found the database down lets a call through to try it every 250 ms. Generous (it
   * only guards against a store that never recovers); OutageTest holds the documented bound.
   */
  private static final Duration RECOVERY_WINDOW = Duration.ofSeconds(30);

  /** The pause between attempts, as a client retrying a retryable failure would make. */
  private static final long RETRY_PAUSE_MILLIS = 50;

  private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?(.*)");

  private static TcpProxy proxy;
  private static JdbcCatalogStore store;
  private TenantId tenant;

  @BeforeAll
  static void open() throws Exception {
    TestPostgres.Server server = TestPostgres.server();
    Matcher url = URL.matcher(server.jdbcUrl());
    assertThat(url.matches()).as("a host-and-port URL: " + server.jdbcUrl()).isTrue();
    int port = url.group(2) == null ? 5432 : Integer.parseInt(url.group(2));
    proxy = new TcpProxy(url.group(1), port);
    String proxiedUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3);
    store =
        JdbcCatalogStore.open(
            TestPostgres.config(SCHEMA)
                .jdbcUrl(proxiedUrl)
                .maximumPoolSize(2)
                .connectionTimeout(Duration.ofSeconds(2))
                .queryTimeout(Duration.ofSeconds(2))
                .build());
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    proxy.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @BeforeEach
  void newTenant() throws InterruptedException {
    proxy.restore();
    tenant =
        recovered(() -> store.tenants().create(NewTenant.named("faults-" + UUID.randomUUID())))
            .id();
  }

  @Test
  void aCutNetworkFailsCallsWithUnavailableUntilItIsBack() throws InterruptedException {
    proxy.cut();

    assertUnavailable(store.tenants().get(tenant));
    assertUnavailable(store.tenants().update(tenant, rename()));

    proxy.restore();
    assertThat(recovered(() -> store.tenants().get(tenant))).isPresent();
    assertThat(recovered(() -> store.tenants().update(tenant, rename())).id()).isEqualTo(tenant);
  }

  @Test
  void aSilentNetworkFailsCallsWithUnavailableUntilItIsBack() throws InterruptedException {
    proxy.blackHole();

    assertUnavailable(store.tenants().get(tenant));
    assertUnavailable(store.tenants().update(tenant, rename()));

    proxy.restore();
    assertThat(recovered(() -> store.tenants().get(tenant))).isPresent();
  }

  @Test
  void killedServerConnectionsAreReplaced() throws Exception {
    assertThat(terminateStoreBackends()).as("server processes of the store's pool").isPositive();

    assertThat(recovered(() -> store.tenants().get(tenant))).isPresent();
    Tenant renamed = recovered(() -> store.tenants().update(tenant, rename()));
    assertThat(store.tenants().get(tenant).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
        .contains(renamed);
  }

  private static TenantUpdate rename() {
    return TenantUpdate.builder().name("faults-" + UUID.randomUUID()).build();
  }

  private static void assertUnavailable(CompletableFuture<?> call) {
    try {
      call.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      fail("the call succeeded although the database cannot be reached");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(UnavailableException.class);
      assertThat(((UnavailableException) e.getCause()).isRetryable()).isTrue();
    } catch (Exception e) {
      throw new AssertionError("the call did not fail with UnavailableException: " + e, e);
    }
  }

  /**
   * The result of the first call that succeeds; the ones before may only fail with {@link
   * UnavailableException}, while the pool replaces its broken connections and the store finds the
   * database back.
   */
  private static <T> T recovered(Supplier<CompletableFuture<T>> call) throws InterruptedException {
    UnavailableException last = null;
    long end = System.nanoTime() + RECOVERY_WINDOW.toNanos();
    while (System.nanoTime() - end < 0) {
      try {
        return call.get().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(UnavailableException.class);
        last = (UnavailableException) e.getCause();
      } catch (Exception e) {
        throw new AssertionError("the call neither succeeded nor failed as unavailable", e);
      }
      Thread.sleep(RETRY_PAUSE_MILLIS);
    }
    throw new AssertionError("the store did not recover within " + RECOVERY_WINDOW, last);
  }

  /** Kills the server processes serving the store's pool, as an administrator would. */
  private static int terminateStoreBackends() throws Exception {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement kill =
            connection.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE application_name = ?")) {
      kill.setString(1, "catalogstore/" + SCHEMA);
      try (ResultSet result = kill.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }
}
