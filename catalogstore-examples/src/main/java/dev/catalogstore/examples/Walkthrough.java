package dev.catalogstore.examples;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A runnable tour of the CatalogStore API: a tenant, a warehouse, a catalog, nested namespaces,
 * Iceberg tables, metadata commits with a lost compare-and-set, paging, typed errors, what an
 * Iceberg catalog service needs besides (a commit that moves a table, a multi-table commit, a
 * guarded drop, a list narrowed to kinds), git-like versioning (a branch, a conflict found by the
 * three-way merge and resolved with a strategy, a tag, the history), identity and access, a table's
 * life through Iceberg's own API and the catalogstore-iceberg adapter, the operations (audit events
 * appended and filtered, settings, snapshots expired around a tag, a federated catalog synced
 * through {@link ExampleMapConnector}), tenant isolation, and the audit log that outlives its
 * deleted tenant, printed step by step.
 *
 * <p>From the repository root: {@code ./mvnw -q -pl catalogstore-examples -am -DskipTests package
 * exec:java}. It runs on the in-memory store; with {@code
 * -Dexec.args="--jdbc-url=jdbc:postgresql://..."} it runs the same steps on PostgreSQL (see {@link
 * StoreOptions}).
 */
public final class Walkthrough {
  /**
   * The example connector the walkthrough's federated catalog is read through. A store syncs only
   * with the connectors it was built with, so every store the walkthrough runs on registers this
   * one ({@link #open}, and the walkthrough's tests).
   */
  public static final ExampleMapConnector CONNECTOR = new ExampleMapConnector();

  private Walkthrough() {}

  public static void main(String[] args) {
    StoreOptions options = StoreOptions.parse(List.of(args), System.getenv());
    if (options.help()) {
      System.out.println(StoreOptions.USAGE);
      return;
    }
    try (CatalogStore store = open(options)) {
      // The program's edge: the one place that waits for the chain of futures to finish.
      run(store, System.out, options.description()).join();
    } catch (CompletionException | CatalogStoreException e) {
      System.err.println("The walkthrough stopped: " + Failures.unwrap(e));
      throw e;
    }
  }

  /** Runs the walkthrough on {@code store}, printing each step to {@code out}. */
  public static CompletableFuture<Void> run(
      CatalogStore store, PrintStream out, String storeDescription) {
    Narrator narrator = new Narrator(out);
    narrator.title("CatalogStore walkthrough on " + storeDescription);
    return Tour.run(store, narrator, CONNECTOR)
        .thenRun(() -> narrator.done("Done: every step behaved as the contract says."));
  }

  /**
   * The store the options name, with the walkthrough's {@link #CONNECTOR} registered; the caller
   * closes it.
   */
  static CatalogStore open(StoreOptions options) {
    return options
        .jdbcConfig()
        .<CatalogStore>map(JdbcCatalogStore::open)
        .orElseGet(Walkthrough::inMemory);
  }

  /** The in-memory store on the system clock, syncing with the walkthrough's connector. */
  static CatalogStore inMemory() {
    return new InMemoryCatalogStore(connectors());
  }

  /** The connectors every store of the walkthrough is built with. */
  static FederatedConnectors connectors() {
    return FederatedConnectors.of(CONNECTOR);
  }
}
