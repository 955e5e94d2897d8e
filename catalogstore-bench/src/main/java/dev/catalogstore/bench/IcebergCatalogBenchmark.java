package dev.catalogstore.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same Iceberg {@link Catalog} calls through the adapter ({@code catalog=adapter}: {@code
 * CatalogStoreCatalog} over a PostgreSQL store) and through Iceberg's own {@code JdbcCatalog}
 * ({@code catalog=jdbc}), on the same PostgreSQL database, in a database of the server's default
 * collation and in one of collation {@code C} ({@link BenchDatabases}). Both catalogs hold the same
 * filled catalog ({@link IcebergCatalogFill}), pool as many connections and keep metadata files in
 * memory, so each ratio compares the catalogs' own round trips and SQL.
 *
 * <p>A table commit is Iceberg's whole commit path: refresh the table, write the next metadata
 * file, swap the pointer. Reads the server from {@code CATALOGSTORE_BENCH_JDBC_URL} (or {@code
 * CATALOGSTORE_TEST_JDBC_URL}) and creates its two databases there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
// Iceberg logs every table load and commit at INFO; printing that is not what is measured.
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Threads(1)
public class IcebergCatalogBenchmark {
  private static final Namespace READ_NAMESPACE = IcebergCatalogFill.namespace(42);
  private static final TableIdentifier LOAD_TABLE =
      TableIdentifier.of(IcebergCatalogFill.HOT, "bench_load");
  private static final TableIdentifier COMMIT_TABLE =
      TableIdentifier.of(IcebergCatalogFill.HOT, "bench_commit");

  /** {@code adapter} or {@code jdbc}: see {@link BenchCatalogs}. */
  @Param({"adapter", "jdbc"})
  public String catalog;

  /** {@code default} or {@code c}: see {@link BenchDatabases}. */
  @Param({"default", "c"})
  public String collation;

  private String url;
  private BenchCatalogs kind;
  private Catalog icebergCatalog;
  private SupportsNamespaces namespaces;
  private Table commitTable;
  private long nextValue;
  private String scratchPrefix;
  private long nextNamespace;

  @Setup(Level.Trial)
  public void open() {
    String server =
        JdbcRoundTripBenchmark.jdbcUrl()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "set CATALOGSTORE_BENCH_JDBC_URL to a PostgreSQL JDBC URL"));
    url = BenchDatabases.forParameter(collation).ensureCreated(server);
    kind = BenchCatalogs.forParameter(catalog);
    icebergCatalog = kind.open(url);
    namespaces = (SupportsNamespaces) icebergCatalog;
    if (!IcebergCatalogFill.filled(namespaces)) {
      IcebergCatalogFill.fill(kind, url);
    }
    IcebergCatalogFill.recreate(icebergCatalog, LOAD_TABLE);
    IcebergCatalogFill.recreate(icebergCatalog, COMMIT_TABLE);
    // Leftovers of a run that stopped before its tear-down.
    kind.deleteScratchChildren(url);
    BenchDatabases.analyze(url);
    commitTable = icebergCatalog.loadTable(COMMIT_TABLE);
    // Unique across forks, should a fork die before deleting what it created.
    scratchPrefix = "n" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "_";
  }

  @TearDown(Level.Trial)
  public void close() {
    kind.deleteScratchChildren(url);
    IcebergCatalogFill.closeQuietly(icebergCatalog);
  }

  /** A new namespace with two properties, below the scratch namespace. */
  @Benchmark
  public Namespace createNamespace() {
    Namespace created = Namespace.of(BenchCatalogs.SCRATCH, scratchPrefix + nextNamespace++);
    namespaces.createNamespace(created, Map.of("owner", "bench", "comment", "created"));
    return created;
  }

  @Benchmark
  public Map<String, String> loadNamespaceMetadata() {
    return namespaces.loadNamespaceMetadata(READ_NAMESPACE);
  }

  @Benchmark
  public boolean namespaceExists() {
    return namespaces.namespaceExists(READ_NAMESPACE);
  }

  /** The top level: every filled namespace and the scratch one. */
  @Benchmark
  public List<Namespace> listNamespaces() {
    return namespaces.listNamespaces(Namespace.empty());
  }

  @Benchmark
  public Table loadTable() {
    return icebergCatalog.loadTable(LOAD_TABLE);
  }

  /** Iceberg's commit of one table property: refresh, write metadata, swap the pointer. */
  @Benchmark
  public Table commitTableProperty() {
    commitTable.updateProperties().set("bench.counter", Long.toString(nextValue++)).commit();
    return commitTable;
  }
}
