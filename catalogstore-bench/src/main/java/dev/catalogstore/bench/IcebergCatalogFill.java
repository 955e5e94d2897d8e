package dev.catalogstore.bench;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;

/**
 * The catalog {@link IcebergCatalogBenchmark} measures in: {@value #NAMESPACES} top-level
 * namespaces with two properties each, {@value #TABLES_PER_NAMESPACE} tables in each (so lookups
 * and listings run on tables of realistic size, not empty ones), and the {@link
 * BenchCatalogs#SCRATCH} namespace that {@code createNamespace} creates below.
 *
 * <p>Filled through the catalog's own API, once per database and catalog: the rows stay for the
 * benchmark's later forks. The tables' metadata files live in the filling JVM's InMemoryFileIO
 * only, so no benchmark loads them; each fork creates the tables it loads and commits to ({@link
 * #recreate}).
 */
final class IcebergCatalogFill {
  static final int NAMESPACES = 300;
  static final int TABLES_PER_NAMESPACE = 10;
  static final int FILL_THREADS = 4;

  /** Where the tables the benchmark loads and commits to live: a filled namespace mid-way. */
  static final Namespace HOT = namespace(NAMESPACES / 2);

  static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()),
          Types.NestedField.optional(3, "created_at", Types.TimestampType.withZone()));

  private IcebergCatalogFill() {}

  static Namespace namespace(int i) {
    return Namespace.of(String.format(Locale.ROOT, "ns_%03d", i));
  }

  /** Whether {@link #fill} has completed on this catalog's database: it creates scratch last. */
  static boolean filled(SupportsNamespaces catalog) {
    return catalog.namespaceExists(Namespace.of(BenchCatalogs.SCRATCH));
  }

  /**
   * Creates the namespaces and tables on the database at {@code url}, {@value #FILL_THREADS}
   * namespaces at a time through a catalog of as many connections (each creation waits for its
   * commit to be flushed; in parallel they share flushes). What already exists, from a fill that
   * was cut short, is kept.
   */
  static void fill(BenchCatalogs kind, String url) {
    Catalog catalog = kind.open(url, FILL_THREADS);
    ExecutorService threads = Executors.newFixedThreadPool(FILL_THREADS);
    try {
      List<Future<?>> filled = new ArrayList<>();
      for (int i = 0; i < NAMESPACES; i++) {
        int index = i;
        filled.add(threads.submit(() -> fillNamespace(catalog, index)));
      }
      for (Future<?> namespace : filled) {
        namespace.get();
      }
      ((SupportsNamespaces) catalog)
          .createNamespace(Namespace.of(BenchCatalogs.SCRATCH), Map.of("owner", "bench"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filling " + kind, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot fill " + kind, e.getCause());
    } finally {
      threads.shutdownNow();
      closeQuietly(catalog);
    }
  }

  private static void fillNamespace(Catalog catalog, int index) {
    Namespace namespace = namespace(index);
    try {
      ((SupportsNamespaces) catalog)
          .createNamespace(
              namespace,
              Map.of("owner", "team_" + (index % 17), "comment", "benchmark namespace " + index));
    } catch (AlreadyExistsException e) {
      // from an earlier, unfinished fill
    }
    for (int t = 0; t < TABLES_PER_NAMESPACE; t++) {
      TableIdentifier table =
          TableIdentifier.of(namespace, String.format(Locale.ROOT, "table_%02d", t));
      try {
        catalog.createTable(table, SCHEMA);
      } catch (AlreadyExistsException e) {
        // from an earlier, unfinished fill
      }
    }
  }

  static void closeQuietly(Catalog catalog) {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // nothing left to do with a catalog being discarded
      }
    }
  }

  /**
   * Drops {@code table} if it exists (without purging: its files may be in another JVM) and creates
   * it afresh, its metadata in this JVM. Superseded metadata files are deleted on commit, so that a
   * long commit benchmark does not fill the heap with them.
   */
  static void recreate(Catalog catalog, TableIdentifier table) {
    catalog.dropTable(table, false);
    catalog
        .buildTable(table, SCHEMA)
        .withProperty(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true")
        .create();
  }
}
