package dev.catalogstore.jdbc;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.TckClock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** The whole TCK against one {@link JdbcCatalogStore} on a real PostgreSQL. */
@Tag("tck")
class JdbcCatalogStoreTckTest extends CatalogStoreTck {
  private static final String SCHEMA = TestPostgres.uniqueSchema("tck");
  private static final TckClock CLOCK = new TckClock();
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
      store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).clock(CLOCK).build());
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
