package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registerTable that fails leaves the metadata file it was given alone: that file belongs to
 * whoever wrote it (often a live table), never to the failed registration.
 */
class RegisterTableFailureTest {
  private static final TableIdentifier SOURCE = TableIdentifier.of(NS, "t");
  private static final TableIdentifier COPY = TableIdentifier.of(NS, "copy");

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;
  private CatalogStoreCatalog rival;
  private String sourceMetadata;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
    TestCatalogs.append(TestCatalogs.createTable(catalog, SOURCE), "a");
    sourceMetadata = TestCatalogs.metadata(catalog, SOURCE).metadataFileLocation();
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void registeringIntoAMissingNamespaceFailsAndKeepsTheFile() {
    TableIdentifier inMissing = TableIdentifier.of(Namespace.of("missing"), "copy");

    assertThatThrownBy(() -> catalog.registerTable(inMissing, sourceMetadata))
        .isInstanceOf(NoSuchNamespaceException.class);

    assertSourceIntact();
  }

  @Test
  void registeringOntoANameTakenMeanwhileFailsAndKeepsTheFile() {
    // registerTable checks the name first; the rival takes it between that check and the create.
    faults.on("assets.create", Fault.before(() -> TestCatalogs.createTable(rival, COPY)));

    assertThatThrownBy(() -> catalog.registerTable(COPY, sourceMetadata))
        .isInstanceOf(AlreadyExistsException.class);

    faults.assertAllFaultsMet();
    assertSourceIntact();
    assertThat(TestCatalogs.metadata(rival, COPY).metadataFileLocation())
        .isNotEqualTo(sourceMetadata);
  }

  private void assertSourceIntact() {
    assertThat(Path.of(sourceMetadata)).exists();
    Table source = rival.loadTable(SOURCE);
    assertThat(TestCatalogs.dataFileNames(source)).containsExactly("a.parquet");
    assertThat(TableFiles.missing(source)).isEmpty();
  }
}
