package dev.catalogstore.tck;

import dev.catalogstore.api.CatalogStore;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/**
 * The CatalogStore compatibility test kit. A backend proves it keeps the contract by extending
 * this class in its tests and saying how to reach a store:
 *
 * <pre>{@code
 * class MyStoreTckTest extends CatalogStoreTck {
 *   static final MyStore STORE = MyStore.open(...);
 *
 *   @Override
 *   protected CatalogStore store() {
 *     return STORE;
 *   }
 * }
 * }</pre>
 *
 * <p>Every test creates fresh tenants with random names, so one store (one database) can serve
 * the whole run and tests never see each other's data. Each area of the contract is a nested
 * suite whose tests are named after the rule they check.
 */
public abstract class CatalogStoreTck {

  /**
   * The store under test. Called before each test; it may return the same instance every time.
   * The TCK never closes it.
   */
  protected abstract CatalogStore store();

  /**
   * A second store over the same data, as a second application node would hold, for the rules
   * about concurrent writers. Defaults to {@link #store()}, right for a backend whose data lives
   * in one process.
   */
  protected CatalogStore peerStore() {
    return store();
  }

  /**
   * The clock the store(s) were built with, if the backend lets the TCK control time. The rules
   * about timestamps that need a stopped clock are skipped when this is empty.
   */
  protected Optional<TckClock> clock() {
    return Optional.empty();
  }

  private TckFixture fixture() {
    return new TckFixture(store(), peerStore(), clock());
  }

  @Nested
  class Tenants extends TenantContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Warehouses extends WarehouseContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Catalogs extends CatalogContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Namespaces extends NamespaceContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Assets extends AssetContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class MetadataPointer extends MetadataPointerContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Paging extends PagingContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class InputRules extends InputRulesContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Cascades extends CascadeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Isolation extends IsolationContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Time extends TimeContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }

  @Nested
  class Futures extends FutureContract {
    @Override
    protected TckFixture fixture() {
      return CatalogStoreTck.this.fixture();
    }
  }
}
