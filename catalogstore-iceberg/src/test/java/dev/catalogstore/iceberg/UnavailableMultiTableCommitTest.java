package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-table commit the store refuses as unavailable settles like a single table's: a lost reply
 * is success (every table shows its new metadata), an outage that ends is overcome, a lasting one
 * is unknown and keeps the files, a rival's commit meanwhile fails it and deletes them.
 */
class UnavailableMultiTableCommitTest {
  private static final TableIdentifier A = TableIdentifier.of(NS, "a");
  private static final TableIdentifier B = TableIdentifier.of(NS, "b");
  private static final String SWAP = "assets.commitMetadataLocations";

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;
  private CatalogStoreCatalog rival;
  private TableCommit toA;
  private TableCommit toB;
  private TableMetadata aBefore;
  private TableMetadata bBefore;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
    Table a = TestCatalogs.createTable(catalog, A);
    Table b = TestCatalogs.createTable(catalog, B);
    aBefore = TestCatalogs.metadata(rival, A);
    bBefore = TestCatalogs.metadata(rival, B);
    toA = TestCatalogs.appendCommit(a, A, "a1");
    toB = TestCatalogs.appendCommit(b, B, "b1");
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void aLostReplyIsRecognisedAsSuccess() {
    faults.on(SWAP, Fault.loseReply());

    catalog.commitTransaction(toA, toB);

    assertThat(faults.calls(SWAP)).isEqualTo(2);
    assertBothMoved();
  }

  @Test
  void anOutageThatEndsIsOvercome() {
    faults.on(SWAP, Fault.refuse(), Fault.refuse());

    catalog.commitTransaction(toA, toB);

    assertThat(faults.calls(SWAP)).isEqualTo(3);
    assertBothMoved();
  }

  @Test
  void anOutageOnEveryAttemptIsUnknownAndKeepsTheFiles() {
    faults.on(SWAP, Fault.refuse(), Fault.refuse(), Fault.refuse());

    assertThatThrownBy(() -> catalog.commitTransaction(toA, toB))
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(TestCatalogs.metadata(rival, A).metadataFileLocation())
        .isEqualTo(aBefore.metadataFileLocation());
    assertThat(TestCatalogs.metadata(rival, B).metadataFileLocation())
        .isEqualTo(bBefore.metadataFileLocation());
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).hasSize(1);
    assertThat(TestCatalogs.strayMetadataFiles(rival, B)).hasSize(1);
  }

  @Test
  void aRivalCommitDuringTheOutageFailsEveryTableAndDeletesTheFiles() {
    faults.on(SWAP, Fault.refuseAfter(() -> TestCatalogs.append(rival.loadTable(B), "rival")));

    assertThatThrownBy(() -> catalog.commitTransaction(toA, toB))
        .isInstanceOf(CommitFailedException.class);

    assertThat(TestCatalogs.metadata(rival, A).metadataFileLocation())
        .isEqualTo(aBefore.metadataFileLocation());
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(B))).containsExactly("rival.parquet");
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).isEmpty();
    assertThat(TestCatalogs.strayMetadataFiles(rival, B)).isEmpty();
  }

  private void assertBothMoved() {
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(A))).containsExactly("a1.parquet");
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(B))).containsExactly("b1.parquet");
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).isEmpty();
    assertThat(TestCatalogs.strayMetadataFiles(rival, B)).isEmpty();
  }
}
