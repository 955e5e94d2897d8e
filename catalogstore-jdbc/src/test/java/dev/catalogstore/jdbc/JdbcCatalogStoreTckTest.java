package dev.catalogstore.jdbc;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The whole TCK against one {@link JdbcCatalogStore} on a real PostgreSQL, whose calls run on an
 * executor the test gives it ({@link JdbcStoreConfig.Builder#callExecutor}), as an application
 * would give virtual threads: the contract holds whatever runs the calls. Its purger is paused
 * ({@code pausePurgeForTests}): every tenant and catalog a test deletes stays a tombstone (V8), so
 * the TCK's rules on deleted tenants and catalogs (not found by every method, names free at once,
 * isolation) hold on the tombstone alone. {@link TwoNodeJdbcTckTest} runs the whole TCK on the
 * store's own threads with the purger running on both nodes.
 */
@Tag("tck")
class JdbcCatalogStoreTckTest extends CatalogStoreTck {
  private static final String SCHEMA = TestPostgres.uniqueSchema("tck");
  private static final TckClock CLOCK = new TckClock();

  /** The TCK's fake remote catalog, which its federation suites sync. */
  private static final FederatedConnectors CONNECTORS =
      FederatedConnectors.of(TckRemoteCatalog.CONNECTOR);

  private static JdbcCatalogStore store;

  /** A thread per call, as virtual threads would be on a newer JDK; the store bounds them. */
  private static ExecutorService callExecutor;

  @Override
  protected CatalogStore store() {
    return openStore();
  }

  @Override
  protected Optional<TckClock> clock() {
    return Optional.of(CLOCK);
  }

  /** One store for the whole class: every TCK test works under fresh tenants. */
  private static synchronized JdbcCatalogStore openStore() {
    if (store == null) {
      AtomicInteger threads = new AtomicInteger();
      callExecutor =
          Executors.newCachedThreadPool(
              body -> {
                Thread thread = new Thread(body, "tck-call-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      store =
          JdbcCatalogStore.open(
              TestPostgres.config(SCHEMA)
                  .clock(CLOCK)
                  .connectors(CONNECTORS)
                  .callExecutor(callExecutor)
                  .pausePurgeForTests()
                  .build());
    }
    return store;
  }

  @AfterAll
  static synchronized void closeStore() {
    if (store != null) {
      store.close();
      store = null;
      callExecutor.shutdown();
    }
    TestPostgres.dropSchema(SCHEMA);
  }
}
