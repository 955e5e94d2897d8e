package dev.catalogstore.iceberg;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.BaseTransaction;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.view.View;

/** Catalogs, tables and files for the adapter's tests: local files under a temporary directory. */
final class TestCatalogs {
  static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  static final Namespace NS = Namespace.of("ns");

  private TestCatalogs() {}

  /**
   * Properties of a catalog writing under {@code warehouse} with {@link LocalFileIO}, retrying an
   * unavailable store twice without a noticeable pause; {@code extra} are key-value pairs.
   */
  static Map<String, String> properties(Path warehouse, String... extra) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString());
    properties.put(StoreCatalogConfig.UNAVAILABLE_RETRIES, "2");
    properties.put(StoreCatalogConfig.UNAVAILABLE_RETRY_WAIT_MS, "1");
    for (int i = 0; i < extra.length; i += 2) {
      properties.put(extra[i], extra[i + 1]);
    }
    return properties;
  }

  /** A catalog named {@code name} over {@code store}, initialised with {@code properties}. */
  static CatalogStoreCatalog open(CatalogStore store, String name, Map<String, String> properties) {
    CatalogStoreCatalog catalog = new CatalogStoreCatalog(store);
    catalog.initialize(name, properties);
    return catalog;
  }

  static Table createTable(CatalogStoreCatalog catalog, TableIdentifier id) {
    return catalog.createTable(id, SCHEMA, PartitionSpec.unpartitioned());
  }

  static View createView(CatalogStoreCatalog catalog, TableIdentifier id) {
    return catalog
        .buildView(id)
        .withSchema(SCHEMA)
        .withDefaultNamespace(id.namespace())
        .withQuery("spark", "select 1 as id")
        .create();
  }

  /** Writes a small data file at {@code location} and describes it for an append. */
  static DataFile dataFile(FileIO io, String location) {
    try (OutputStream out = io.newOutputFile(location).createOrOverwrite()) {
      out.write(new byte[] {1, 2, 3});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(location)
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(3)
        .withRecordCount(1)
        .build();
  }

  /** Appends a new data file named {@code name} to {@code table}. */
  static DataFile append(Table table, String name) {
    DataFile file = dataFile(table.io(), table.location() + "/data/" + name + ".parquet");
    table.newAppend().appendFile(file).commit();
    return file;
  }

  /** Every regular file under {@code directory}, by path; empty if it does not exist. */
  static Set<String> filesUnder(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(Path::toString)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The metadata JSON files in a table's or view's directory. */
  static Set<String> metadataFiles(String location) {
    return filesUnder(Path.of(location, "metadata")).stream()
        .filter(file -> file.endsWith(".metadata.json"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The metadata files a table's current metadata refers to: the current one and its log. */
  static Set<String> referencedMetadataFiles(TableMetadata metadata) {
    Set<String> files = new TreeSet<>();
    files.add(metadata.metadataFileLocation());
    metadata.previousFiles().forEach(entry -> files.add(entry.file()));
    return files;
  }

  /** The file names of the data files in a table's current snapshot. */
  static List<String> dataFileNames(Table table) {
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      List<String> names = new ArrayList<>();
      tasks.forEach(task -> names.add(Path.of(task.file().location()).getFileName().toString()));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A commit appending a new data file named {@code name} to {@code table}, built in a transaction
   * that is not committed, for {@link CatalogStoreCatalog#commitTransaction(List)}.
   */
  static TableCommit appendCommit(Table table, TableIdentifier id, String name) {
    Transaction transaction = table.newTransaction();
    DataFile file = dataFile(table.io(), table.location() + "/data/" + name + ".parquet");
    transaction.newAppend().appendFile(file).commit();
    BaseTransaction built = (BaseTransaction) transaction;
    return TableCommit.create(id, built.startMetadata(), built.currentMetadata());
  }

  /** The current metadata of {@code table}, read afresh through {@code catalog}. */
  static TableMetadata metadata(CatalogStoreCatalog catalog, TableIdentifier id) {
    return ((HasTableOperations) catalog.loadTable(id)).operations().current();
  }

  /** The metadata files on disk that {@code id}'s current metadata does not refer to. */
  static Set<String> strayMetadataFiles(CatalogStoreCatalog catalog, TableIdentifier id) {
    TableMetadata metadata = metadata(catalog, id);
    Set<String> stray = new TreeSet<>(metadataFiles(metadata.location()));
    stray.removeAll(referencedMetadataFiles(metadata));
    return stray;
  }
}
