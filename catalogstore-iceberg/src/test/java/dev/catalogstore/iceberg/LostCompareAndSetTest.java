package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that loses the store's compare-and-set fails with {@code CommitFailedException} and
 * deletes the metadata file it wrote; Iceberg's retry then lands it on fresh metadata.
 */
class LostCompareAndSetTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;
  private CatalogStoreCatalog rival;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
    TestCatalogs.createTable(catalog, ID);
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void aStaleCommitFailsAndDeletesTheMetadataFileItWrote() {
    TableOperations stale = ((HasTableOperations) catalog.loadTable(ID)).operations();
    TableMetadata base = stale.current();
    rival.loadTable(ID).updateProperties().set("by", "rival").commit();
    Set<String> filesBefore = TestCatalogs.metadataFiles(base.location());

    TableMetadata mine = TableMetadata.buildFrom(base).setProperties(Map.of("by", "me")).build();
    assertThatThrownBy(() -> stale.commit(base, mine))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("no longer " + base.metadataFileLocation());

    assertThat(TestCatalogs.metadataFiles(base.location())).isEqualTo(filesBefore);
    assertThat(catalog.loadTable(ID).properties()).containsEntry("by", "rival");
  }

  @Test
  void icebergRetriesALostCompareAndSetAndBothAppendsLand() {
    Table mine = catalog.loadTable(ID);
    // The rival appends after this append read the table and before its compare-and-set.
    faults.on(
        "assets.commitMetadataLocation",
        Fault.before(() -> TestCatalogs.append(rival.loadTable(ID), "rival")));

    TestCatalogs.append(mine, "mine");

    faults.assertAllFaultsMet();
    // The first compare-and-set lost, the retry on fresh metadata landed.
    assertThat(faults.calls("assets.commitMetadataLocation")).isEqualTo(2);
    Table reloaded = catalog.loadTable(ID);
    assertThat(TestCatalogs.dataFileNames(reloaded))
        .containsExactlyInAnyOrder("mine.parquet", "rival.parquet");
    assertThat(reloaded.snapshots()).hasSize(2);
    TableMetadata metadata = ((HasTableOperations) reloaded).operations().current();
    // The lost attempt's metadata file is gone: every file left is the table's.
    assertThat(TestCatalogs.metadataFiles(metadata.location()))
        .isEqualTo(TestCatalogs.referencedMetadataFiles(metadata));
  }
}
