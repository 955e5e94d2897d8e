package dev.catalogstore.iceberg;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.iceberg.EngineNodes.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.iceberg.BaseTransaction;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter used the way engines use it, on both backends: several catalogs (engine nodes) over
 * one store, partitioned tables, concurrent appends, schema evolution, the snapshot log, a rename,
 * a drop with purge and a multi-table commit, each checked from another node and against the store
 * itself. Data files are described, not written: the catalog never reads them.
 */
class RealUseTest {
  private static final Namespace SALES = Namespace.of("sales");

  private static final Schema SCHEMA =
      new Schema(
          required(1, "id", Types.LongType.get()),
          required(2, "category", Types.StringType.get()),
          optional(3, "amount", Types.DoubleType.get()));

  private static final PartitionSpec SPEC =
      PartitionSpec.builderFor(SCHEMA).identity("category").bucket("id", 8).build();

  private static final int WRITERS = 4;
  private static final int APPENDS_PER_WRITER = 5;

  @TempDir Path warehouse;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Backend.class)
  void concurrentAppendsFromSeveralNodesAllLandWithoutAHistoryGap(Backend backend)
      throws Exception {
    TableIdentifier events = TableIdentifier.of(SALES, "events");
    try (EngineNodes nodes = EngineNodes.start(backend, warehouse, WRITERS)) {
      nodes.node(0).createNamespace(SALES, Map.of("owner", "real-use"));
      nodes
          .node(0)
          .buildTable(events, SCHEMA)
          .withPartitionSpec(SPEC)
          // Lost compare-and-sets are expected here: Iceberg's own retry must absorb every one.
          .withProperty(TableProperties.COMMIT_NUM_RETRIES, "100")
          .withProperty(TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "1")
          .withProperty(TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "20")
          .create();

      Map<String, DataFile> appended = appendConcurrently(nodes, events);

      Table table = nodes.node(WRITERS - 1).loadTable(events);
      int commits = WRITERS * APPENDS_PER_WRITER;
      Map<String, DataFile> current = dataFiles(table);
      assertThat(current).containsOnlyKeys(appended.keySet());
      current.forEach(
          (path, file) ->
              assertThat(file.partition().get(0, String.class))
                  .isEqualTo(appended.get(path).partition().get(0, String.class)));

      List<Snapshot> snapshots = inCommitOrder(table);
      assertThat(snapshots).hasSize(commits);
      assertOneChain(snapshots);
      assertThat(table.currentSnapshot().snapshotId())
          .isEqualTo(snapshots.get(commits - 1).snapshotId());
      for (Snapshot snapshot : snapshots) {
        // One append per snapshot: no two writers' files were folded into one commit.
        assertThat(snapshot.addedDataFiles(table.io())).hasSize(1);
      }
      assertThat(table.history())
          .extracting(HistoryEntry::snapshotId)
          .containsExactlyElementsOf(snapshots.stream().map(Snapshot::snapshotId).toList());

      // The store kept one entry per commit (the create included), the same chain as Iceberg's
      // metadata log; every metadata file of a lost attempt was deleted.
      List<MetadataLocation> history = nodes.history(events);
      assertThat(history).hasSize(1 + commits);
      assertThat(history)
          .extracting(MetadataLocation::location)
          .containsExactlyElementsOf(metadataLogNewestFirst(table));
      assertLinked(history);
      assertThat(metadataJsonFiles(table))
          .containsExactlyInAnyOrderElementsOf(
              history.stream().map(MetadataLocation::location).toList());
    }
  }

  /** {@value #WRITERS} nodes append {@value #APPENDS_PER_WRITER} files each, all at once. */
  private static Map<String, DataFile> appendConcurrently(EngineNodes nodes, TableIdentifier id)
      throws Exception {
    List<Table> handles = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      handles.add(nodes.node(writer).loadTable(id)); // every writer starts from the same version
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<List<DataFile>>> writers = new ArrayList<>();
      for (int writer = 0; writer < WRITERS; writer++) {
        Table table = handles.get(writer);
        String category = "c" + writer;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  List<DataFile> files = new ArrayList<>();
                  for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                    DataFile file = dataFile(table, category + "-" + i, category, i, 10L + i);
                    table.newAppend().appendFile(file).commit();
                    files.add(file);
                  }
                  return files;
                }));
      }
      start.countDown();
      Map<String, DataFile> appended = new HashMap<>();
      for (Future<List<DataFile>> writer : writers) {
        writer.get().forEach(file -> appended.put(file.location(), file));
      }
      return appended;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Backend.class)
  void aTableEvolvesIsRenamedAndIsPurgedAcrossNodes(Backend backend) {
    TableIdentifier orders = TableIdentifier.of(SALES, "orders");
    TableIdentifier archived = TableIdentifier.of(SALES, "orders_2024");
    try (EngineNodes nodes = EngineNodes.start(backend, warehouse, 3)) {
      CatalogStoreCatalog writer = nodes.node(0);
      CatalogStoreCatalog reader = nodes.node(1);
      CatalogStoreCatalog admin = nodes.node(2);
      writer.createNamespace(SALES);
      Table table = writer.createTable(orders, SCHEMA, SPEC);
      table.newAppend().appendFile(dataFile(table, "books-0", "books", 3, 100)).commit();
      long first = table.currentSnapshot().snapshotId();
      table
          .newAppend()
          .appendFile(dataFile(table, "games-0", "games", 5, 40))
          .appendFile(dataFile(table, "games-1", "games", 6, 60))
          .commit();
      long second = table.currentSnapshot().snapshotId();

      table
          .updateSchema()
          .addColumn("note", Types.StringType.get())
          .renameColumn("amount", "price")
          .commit();

      Table seen = reader.loadTable(orders);
      assertThat(seen.schema().schemaId()).isEqualTo(table.schema().schemaId()).isNotZero();
      assertThat(seen.schema().findField("amount")).isNull();
      assertThat(seen.schema().findField("price").fieldId()).isEqualTo(3); // renamed, same field
      assertThat(seen.schema().findField("note").type()).isEqualTo(Types.StringType.get());
      assertThat(seen.schemas()).hasSize(2);
      assertThat(seen.spec().fields()).extracting(field -> field.sourceId()).containsExactly(2, 1);
      assertThat(dataFiles(seen))
          .containsOnlyKeys(
              table.location() + "/data/category=books/id_bucket=3/books-0.parquet",
              table.location() + "/data/category=games/id_bucket=5/games-0.parquet",
              table.location() + "/data/category=games/id_bucket=6/games-1.parquet");

      // The snapshot log, read back on another node: the schema change made no snapshot.
      assertThat(seen.history())
          .extracting(HistoryEntry::snapshotId)
          .containsExactly(first, second);
      assertOneChain(inCommitOrder(seen));
      List<MetadataLocation> history = nodes.history(orders);
      assertThat(history).hasSize(4); // create, two appends, the schema change
      assertLinked(history);

      reader.renameTable(orders, archived);

      assertThat(writer.tableExists(orders)).isFalse();
      assertThatThrownBy(() -> writer.loadTable(orders)).isInstanceOf(NoSuchTableException.class);
      assertThat(writer.listTables(SALES)).containsExactly(archived);
      Table renamed = admin.loadTable(archived);
      assertThat(renamed.uuid()).isEqualTo(table.uuid());
      assertThat(renamed.location()).isEqualTo(table.location());
      assertThat(renamed.history())
          .extracting(HistoryEntry::snapshotId)
          .containsExactly(first, second);
      assertThat(renamed.schema().asStruct()).isEqualTo(seen.schema().asStruct());
      assertThat(nodes.history(archived)).isEqualTo(history); // the history moved with the table
      // A writer still holding the table by its old name can no longer commit through it.
      DataFile late = dataFile(renamed, "late", "books", 1, 1);
      assertThatThrownBy(() -> table.newAppend().appendFile(late).commit())
          .isInstanceOf(NoSuchTableException.class);
      assertThat(writer.tableExists(orders)).isFalse();
      assertThat(admin.loadTable(archived).history()).hasSize(2);

      List<Path> metadataDirectory = filesUnder(Path.of(renamed.location(), "metadata"));
      assertThat(metadataDirectory)
          .as("four metadata JSON files, two manifest lists, two manifests")
          .hasSize(8);

      assertThat(admin.dropTable(archived, true)).isTrue();

      assertThat(metadataDirectory).allSatisfy(file -> assertThat(file).doesNotExist());
      assertThat(reader.tableExists(archived)).isFalse();
      assertThatThrownBy(() -> writer.loadTable(archived)).isInstanceOf(NoSuchTableException.class);
      assertThat(reader.listTables(SALES)).isEmpty();
      assertThat(writer.dropNamespace(SALES)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Backend.class)
  void aMultiTableCommitLandsWhollyOrNotAtAll(Backend backend) {
    TableIdentifier orders = TableIdentifier.of(SALES, "orders");
    TableIdentifier refunds = TableIdentifier.of(SALES, "refunds");
    try (EngineNodes nodes = EngineNodes.start(backend, warehouse, 2)) {
      CatalogStoreCatalog coordinator = nodes.node(0);
      CatalogStoreCatalog other = nodes.node(1);
      coordinator.createNamespace(SALES);
      coordinator.createTable(orders, SCHEMA, SPEC);
      coordinator.createTable(refunds, SCHEMA, SPEC);

      coordinator.commitTransaction(
          stagedAppend(coordinator, orders, "orders-1"),
          stagedAppend(coordinator, refunds, "refunds-1"));

      Table ordersAfterFirst = other.loadTable(orders);
      assertThat(fileNames(ordersAfterFirst)).containsExactly("orders-1.parquet");
      assertThat(fileNames(other.loadTable(refunds))).containsExactly("refunds-1.parquet");
      assertThat(nodes.history(orders)).hasSize(2);
      assertThat(nodes.history(refunds)).hasSize(2);

      // Both commits are built on what the coordinator reads now...
      TableCommit ordersSecond = stagedAppend(coordinator, orders, "orders-2");
      TableCommit refundsSecond = stagedAppend(coordinator, refunds, "refunds-2");
      // ...then another node appends to refunds, so the refunds half is stale.
      Table refundsElsewhere = other.loadTable(refunds);
      refundsElsewhere
          .newAppend()
          .appendFile(dataFile(refundsElsewhere, "refunds-other", "late", 1, 1))
          .commit();

      assertThatThrownBy(() -> coordinator.commitTransaction(ordersSecond, refundsSecond))
          .isInstanceOf(CommitFailedException.class);

      Table ordersNow = other.loadTable(orders);
      assertThat(ordersNow.currentSnapshot().snapshotId())
          .isEqualTo(ordersAfterFirst.currentSnapshot().snapshotId());
      assertThat(metadataLocation(ordersNow)).isEqualTo(metadataLocation(ordersAfterFirst));
      assertThat(fileNames(ordersNow)).containsExactly("orders-1.parquet");
      assertThat(fileNames(other.loadTable(refunds)))
          .containsExactlyInAnyOrder("refunds-1.parquet", "refunds-other.parquet");
      assertThat(nodes.history(orders)).hasSize(2);
      assertThat(nodes.history(refunds)).hasSize(3);
      // The metadata file written for the orders half before the refunds half failed is gone.
      assertThat(metadataJsonFiles(ordersNow))
          .containsExactlyInAnyOrderElementsOf(
              nodes.history(orders).stream().map(MetadataLocation::location).toList());
    }
  }

  /** An append built in a transaction on {@code catalog}'s current table, not committed. */
  private static TableCommit stagedAppend(
      CatalogStoreCatalog catalog, TableIdentifier id, String name) {
    Table table = catalog.loadTable(id);
    BaseTransaction transaction = (BaseTransaction) table.newTransaction();
    transaction.newAppend().appendFile(dataFile(table, name, "batch", 0, 1)).commit();
    return TableCommit.create(id, transaction.startMetadata(), transaction.currentMetadata());
  }

  /** A data file of the table's spec in partition ({@code category}, {@code bucket}). */
  private static DataFile dataFile(
      Table table, String name, String category, int bucket, long records) {
    String partition = "category=" + category + "/id_bucket=" + bucket;
    return DataFiles.builder(table.spec())
        .withPath(table.location() + "/data/" + partition + "/" + name + ".parquet")
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(1024 * records)
        .withRecordCount(records)
        .withPartitionPath(partition)
        .build();
  }

  /** The data files of the current snapshot, by location, as a scan plans them. */
  private static Map<String, DataFile> dataFiles(Table table) {
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      Map<String, DataFile> files = new HashMap<>();
      tasks.forEach(task -> files.put(task.file().location(), task.file().copy()));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fileNames(Table table) {
    return dataFiles(table).keySet().stream()
        .map(location -> Path.of(location).getFileName().toString())
        .toList();
  }

  private static List<Snapshot> inCommitOrder(Table table) {
    return StreamSupport.stream(table.snapshots().spliterator(), false)
        .sorted(Comparator.comparingLong(Snapshot::sequenceNumber))
        .toList();
  }

  /** Sequence numbers 1, 2, ... and each snapshot's parent the one before: no gap, no fork. */
  private static void assertOneChain(List<Snapshot> snapshots) {
    for (int i = 0; i < snapshots.size(); i++) {
      Snapshot snapshot = snapshots.get(i);
      assertThat(snapshot.sequenceNumber()).isEqualTo(i + 1L);
      assertThat(snapshot.parentId())
          .as("parent of snapshot %d", i + 1)
          .isEqualTo(i == 0 ? null : snapshots.get(i - 1).snapshotId());
    }
  }

  /** Store history, newest first: sequences n..1, each entry replacing the next older one. */
  private static void assertLinked(List<MetadataLocation> history) {
    for (int i = 0; i < history.size(); i++) {
      MetadataLocation entry = history.get(i);
      assertThat(entry.sequence()).isEqualTo((long) history.size() - i);
      assertThat(entry.previousLocation())
          .isEqualTo(
              i + 1 < history.size()
                  ? Optional.of(history.get(i + 1).location())
                  : Optional.empty());
    }
  }

  /** Iceberg's own record of the table's metadata files: the current one, then its log. */
  private static List<String> metadataLogNewestFirst(Table table) {
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    List<String> files = new ArrayList<>();
    files.add(metadata.metadataFileLocation());
    List<TableMetadata.MetadataLogEntry> log = metadata.previousFiles();
    for (int i = log.size() - 1; i >= 0; i--) {
      files.add(log.get(i).file());
    }
    return files;
  }

  private static String metadataLocation(Table table) {
    return ((HasTableOperations) table).operations().current().metadataFileLocation();
  }

  private static List<String> metadataJsonFiles(Table table) {
    return filesUnder(Path.of(table.location(), "metadata")).stream()
        .map(Path::toString)
        .filter(file -> file.endsWith(".metadata.json"))
        .collect(Collectors.toList());
  }

  private static List<Path> filesUnder(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
