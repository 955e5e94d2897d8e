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
 * The whole TCK with a peer: a second {@link JdbcCatalogStore}, with its own pool and threads, on
 * the same database and schema, as a second application node would hold. The TCK's races (creates
 * of one name, compare-and-set of one metadata location) then run across the two instances, where
 * only the database can decide them.
 */
@Tag("tck")
class TwoNodeJdbcTckTest extends CatalogStoreTck {
  private static final String SCHEMA = TestPostgres.uniqueSchema("twonode");

  /** Both nodes read the same clock, as servers synchronised by NTP would, only exactly. */
  private static final TckClock CLOCK = new TckClock();

  /** The TCK's fake remote catalog, which its federation suites sync. */
  private static final FederatedConnectors CONNECTORS =
      FederatedConnectors.of(TckRemoteCatalog.CONNECTOR);

  private static JdbcCatalogStore node1;
  private static JdbcCatalogStore node2;

  @Override
  protected CatalogStore store() {
    openStores();
    return node1;
  }

  @Override
  protected CatalogStore peerStore() {
    openStores();
    return node2;
  }

  @Override
  protected Optional<TckClock> clock() {
    return Optional.of(CLOCK);
  }

  private static synchronized void openStores() {
    if (node1 == null) {
      node1 =
          JdbcCatalogStore.open(
              TestPostgres.config(SCHEMA).clock(CLOCK).connectors(CONNECTORS).build());
      node2 =
          JdbcCatalogStore.open(
              TestPostgres.config(SCHEMA).clock(CLOCK).connectors(CONNECTORS).build());
    }
  }

  @AfterAll
  static synchronized void closeStores() {
    if (node1 != null) {
      node1.close();
      node2.close();
      node1 = null;
      node2 = null;
    }
    TestPostgres.dropSchema(SCHEMA);
  }
}
