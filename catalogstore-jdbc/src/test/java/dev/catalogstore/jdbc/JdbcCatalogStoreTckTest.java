package dev.catalogstore.jdbc;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The whole TCK against one {@link JdbcCatalogStore} on a real PostgreSQL, whose purger is paused
 * ({@code pausePurgeForTests}): every tenant and catalog a test deletes stays a tombstone (V8), so
 * the TCK's rules on deleted tenants and catalogs (not found by every method, names free at once,
 * isolation) hold on the tombstone alone. {@link TwoNodeJdbcTckTest} runs the TCK with the purger
 * running on both nodes.
 */
@Tag("tck")
class JdbcCatalogStoreTckTest extends CatalogStoreTck {
  private static final String SCHEMA = TestPostgres.uniqueSchema("tck");
  private static final TckClock CLOCK = new TckClock();

  /** The TCK's fake remote catalog, which its federation suites sync. */
  private static final FederatedConnectors CONNECTORS =
      FederatedConnectors.of(TckRemoteCatalog.CONNECTOR);

  private static JdbcCatalogStore store;

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
      store =
          JdbcCatalogStore.open(
              TestPostgres.config(SCHEMA)
                  .clock(CLOCK)
                  .connectors(CONNECTORS)
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
    }
    TestPostgres.dropSchema(SCHEMA);
  }
}
