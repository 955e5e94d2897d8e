package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.Set;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purge never deletes the files of a table that is still in the catalog: a drop retried after an
 * outage, during which a rival renamed the table, removes and purges nothing of it; and a drop
 * whose metadata file cannot be read (other than not found) fails rather than dropping blind.
 */
class PurgeSafetyTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");
  private static final TableIdentifier RENAMED = TableIdentifier.of(NS, "t2");
  private static final String DELETE = "assets.delete";

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;
  private CatalogStoreCatalog rival;
  private Path tableDir;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
    tableDir = warehouse.resolve("ns").resolve("t");
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "old");
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void aDropRefusedWhileARivalRenamesTheTableIsFalseAndPurgesNothing() {
    Set<String> files = TestCatalogs.filesUnder(tableDir);
    faults.on(DELETE, Fault.refuseAfter(() -> rival.renameTable(ID, RENAMED)));

    // Before the fix the retry's not-found was taken for the refused attempt's success, and the
    // renamed table's files were purged.
    assertThat(catalog.dropTable(ID, true)).isFalse();

    faults.assertAllFaultsMet();
    assertThat(TestCatalogs.filesUnder(tableDir)).isEqualTo(files);
    assertRenamedTableIntact();
  }

  @Test
  void aDropRefusedWhileARivalRenamesAndRecreatesDropsOnlyTheNewTable() {
    faults.on(
        DELETE,
        Fault.refuseAfter(
            () -> {
              rival.renameTable(ID, RENAMED);
              TestCatalogs.append(TestCatalogs.createTable(rival, ID), "new");
            }));

    // Pinned, as GuardedDropTest does: a drop is of "the table at this name", so the new table
    // there is dropped and purged, and only its files. Before the fix the retry's conflict was
    // taken for success: the renamed table's files were purged and the new table left in place.
    assertThat(catalog.dropTable(ID, true)).isTrue();

    faults.assertAllFaultsMet();
    assertThat(rival.tableExists(ID)).isFalse();
    assertThat(Path.of(tableDir.toString(), "data", "new.parquet")).doesNotExist();
    assertRenamedTableIntact();
  }

  @Test
  void aDropWhoseMetadataCannotBeReadFailsAndKeepsTheTable() {
    String metadata = TestCatalogs.metadata(catalog, ID).metadataFileLocation();
    Set<String> files = TestCatalogs.filesUnder(tableDir);
    try (CatalogStoreCatalog blind =
        TestCatalogs.open(
            faults.base(),
            "cat",
            TestCatalogs.properties(
                warehouse,
                CatalogProperties.FILE_IO_IMPL,
                UnreadableFileIO.class.getName(),
                UnreadableFileIO.UNREADABLE,
                metadata))) {

      // Before the fix the read failure was taken for "nothing to purge": the table was dropped
      // and its data files left behind for good.
      assertThatThrownBy(() -> blind.dropTable(ID, true)).isInstanceOf(RuntimeIOException.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertThat(rival.tableExists(ID)).isTrue();
    assertThat(TestCatalogs.filesUnder(tableDir)).isEqualTo(files);
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(ID))).containsExactly("old.parquet");
  }

  private void assertRenamedTableIntact() {
    Table renamed = rival.loadTable(RENAMED);
    assertThat(TestCatalogs.dataFileNames(renamed)).containsExactly("old.parquet");
    assertThat(Path.of(renamed.location(), "data", "old.parquet")).exists();
    assertThat(TableFiles.missing(renamed)).isEmpty();
  }
}
