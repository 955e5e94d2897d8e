package dev.catalogstore.jdbc;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The whole TCK against a {@link JdbcCatalogStore} opened with {@code VALIDATE} by a {@link
 * DataOnlyRole}: the grants README, "Upgrading the schema", lists for an application user without
 * DDL rights are enough for every call of the contract (tokens and their sweep, maintenance,
 * federation syncs, merges, audit and the rest), and its purger, which runs here, deletes what
 * deleted tenants and catalogs leave with them as that role too. The schema is migrated by the test
 * server's owner first, as an operator would.
 */
@Tag("tck")
class ValidateOnlyRoleTckTest extends CatalogStoreTck {
  private static final String SCHEMA = TestPostgres.uniqueSchema("dmltck");
  private static final TckClock CLOCK = new TckClock();

  /** The TCK's fake remote catalog, which its federation suites sync. */
  private static final FederatedConnectors CONNECTORS =
      FederatedConnectors.of(TckRemoteCatalog.CONNECTOR);

  private static DataOnlyRole role;
  private static JdbcCatalogStore store;

  @Override
  protected CatalogStore store() {
    return openStore();
  }

  @Override
  protected Optional<TckClock> clock() {
    return Optional.of(CLOCK);
  }

  /** Migrates as the owner, then opens the one store of the class as the role. */
  private static synchronized JdbcCatalogStore openStore() {
    if (role == null) {
      JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build()).close();
      try {
        role = DataOnlyRole.grantedOn(SCHEMA);
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the data-only role", e);
      }
    }
    if (store == null) {
      store =
          JdbcCatalogStore.open(
              role.config(SCHEMA)
                  .migrationMode(MigrationMode.VALIDATE)
                  .clock(CLOCK)
                  .connectors(CONNECTORS)
                  .build());
    }
    return store;
  }

  @AfterAll
  static synchronized void closeStoreAndDropRole() throws SQLException {
    if (store != null) {
      store.close();
      store = null;
    }
    TestPostgres.dropSchema(SCHEMA);
    if (role != null) {
      role.drop();
      role = null;
    }
  }
}
