package dev.catalogstore.examples;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.iceberg.CatalogStoreCatalog;
import dev.catalogstore.iceberg.StoreCatalogConfig;
import dev.catalogstore.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * The same story through Apache Iceberg's own API: the catalogstore-iceberg adapter over the
 * walkthrough's store, as a service embedding it would use it. It writes real metadata files, with
 * {@link LocalFileIO}, in a temporary directory deleted at the end.
 */
final class IcebergSteps {
  /** The Iceberg catalog, and the store catalog it creates on first use in the tenant. */
  static final String CATALOG = "lake";

  private static final Namespace WEB = Namespace.of("web");
  private static final TableIdentifier CLICKS = TableIdentifier.of(WEB, "clicks");
  private static final TableIdentifier ARCHIVE = TableIdentifier.of(WEB, "clicks_2024");

  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "user_id", Types.LongType.get()),
          Types.NestedField.required(2, "page", Types.StringType.get()),
          Types.NestedField.optional(3, "ms", Types.LongType.get()));

  private static final PartitionSpec SPEC =
      PartitionSpec.builderFor(SCHEMA).identity("page").bucket("user_id", 4).build();

  private final Scene scene;

  IcebergSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> tableThroughIceberg() {
    scene.step("Through Iceberg's own API: the catalogstore-iceberg adapter over this store");
    // Iceberg's API is synchronous and the adapter waits for the store's futures: it runs on a
    // thread of its own, never on one that may have to complete those futures.
    return CompletableFuture.runAsync(
        this::useTheAdapter, task -> new Thread(task, "walkthrough-iceberg").start());
  }

  private void useTheAdapter() {
    Path warehouse = createTempDirectory();
    try (CatalogStoreCatalog catalog = new CatalogStoreCatalog(scene.store())) {
      catalog.initialize(
          CATALOG,
          Map.of(
              StoreCatalogConfig.TENANT, scene.tenant().value().toString(),
              CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString(),
              CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName()));
      scene.say("catalog \"" + CATALOG + "\": created in the tenant, on a local warehouse");
      catalog.createNamespace(WEB);
      Table table = catalog.buildTable(CLICKS, SCHEMA).withPartitionSpec(SPEC).create();
      scene.say("created " + CLICKS + ", partitioned by " + partitioning(table));

      table
          .newAppend()
          .appendFile(dataFile(table, "home", 0))
          .appendFile(dataFile(table, "cart", 1))
          .commit();
      table.newAppend().appendFile(dataFile(table, "home", 2)).commit();
      table.updateSchema().addColumn("referrer", Types.StringType.get()).commit();
      table.updateSchema().renameColumn("ms", "duration_ms").commit();
      scene.say("two appends, then the schema evolved: added referrer, renamed ms to duration_ms");

      Table reloaded = catalog.loadTable(CLICKS);
      scene.say("reloaded, its columns: " + columns(reloaded.schema()));
      printSnapshotLog(reloaded);
      scene.say(
          "the store's history of "
              + CLICKS
              + ": "
              + historySize()
              + " metadata locations (create, 2 appends, 2 schema changes)");

      catalog.renameTable(CLICKS, ARCHIVE);
      Table renamed = catalog.loadTable(ARCHIVE);
      if (!renamed.uuid().equals(reloaded.uuid())) {
        throw new IllegalStateException("the rename loaded another table");
      }
      scene.say(
          "renamed to "
              + ARCHIVE
              + ": the same table (uuid unchanged), "
              + renamed.history().size()
              + " snapshots; "
              + CLICKS
              + " exists: "
              + catalog.tableExists(CLICKS));

      Path metadata = Path.of(renamed.location(), "metadata");
      int before = files(metadata).size();
      catalog.dropTable(ARCHIVE, true);
      scene.say(
          "dropped with purge: "
              + before
              + " metadata files before, "
              + files(metadata).size()
              + " after");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(warehouse);
    }
  }

  /** The snapshot log, oldest first, with what each snapshot added. */
  private void printSnapshotLog(Table table) {
    List<HistoryEntry> log = table.history();
    for (int i = 0; i < log.size(); i++) {
      Snapshot snapshot = table.snapshot(log.get(i).snapshotId());
      Map<String, String> summary = snapshot.summary();
      scene.say(
          "snapshot log #"
              + (i + 1)
              + ": "
              + snapshot.operation()
              + ", added "
              + files(summary.get(SnapshotSummary.ADDED_FILES_PROP))
              + ", "
              + summary.get(SnapshotSummary.TOTAL_DATA_FILES_PROP)
              + " in total"
              + (i == 0 ? "" : ", parent #" + i));
      if (i > 0 && !snapshot.parentId().equals(log.get(i - 1).snapshotId())) {
        throw new IllegalStateException("the snapshot log has a gap at #" + (i + 1));
      }
    }
  }

  /** The table's entries in the store's metadata history, read with the store's own API. */
  private int historySize() {
    AssetRef clicks = AssetRef.onMain(NamespaceRef.of(CATALOG, WEB.levels()), CLICKS.name());
    return scene
        .store()
        .assets()
        .history(scene.tenant(), clicks, PageRequest.firstPage())
        .join() // on the adapter's own thread, like the adapter's calls
        .items()
        .size();
  }

  /** A data file of {@code page}'s partition: described only, since nothing reads it here. */
  private static DataFile dataFile(Table table, String page, int bucket) {
    String partition = "page=" + page + "/user_id_bucket=" + bucket;
    return DataFiles.builder(table.spec())
        .withPath(table.location() + "/data/" + partition + "/part-0.parquet")
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(4096)
        .withRecordCount(100)
        .withPartitionPath(partition)
        .build();
  }

  private static String files(String count) {
    return count + (count.equals("1") ? " data file" : " data files");
  }

  private static String partitioning(Table table) {
    return table.spec().fields().stream()
        .map(field -> describe(table.schema(), field))
        .collect(Collectors.joining(", "));
  }

  private static String describe(Schema schema, PartitionField field) {
    return field.transform() + "(" + schema.findColumnName(field.sourceId()) + ")";
  }

  private static String columns(Schema schema) {
    return schema.columns().stream().map(Types.NestedField::name).collect(Collectors.joining(", "));
  }

  private static List<Path> files(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(Files::isRegularFile).toList();
    }
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("catalogstore-walkthrough-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes what the purge leaves: the empty directories, or everything if a step failed. */
  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }
}
