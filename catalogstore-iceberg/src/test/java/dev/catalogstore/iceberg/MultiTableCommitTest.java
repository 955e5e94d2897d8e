package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code commitTransaction} moves every table or none: a table changed meanwhile, a failed
 * requirement or a missing table fails the whole commit and deletes every metadata file it wrote; a
 * table named twice is a caller's error; a commit that changes nothing takes no part.
 */
class MultiTableCommitTest {
  private static final TableIdentifier A = TableIdentifier.of(NS, "a");
  private static final TableIdentifier B = TableIdentifier.of(NS, "b");
  private static final String SWAP = "assets.commitMetadataLocations";

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;
  private CatalogStoreCatalog rival;
  private Table a;
  private Table b;
  private TableMetadata aBefore;
  private TableMetadata bBefore;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
    a = TestCatalogs.createTable(catalog, A);
    b = TestCatalogs.createTable(catalog, B);
    aBefore = TestCatalogs.metadata(rival, A);
    bBefore = TestCatalogs.metadata(rival, B);
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void everyTableMovesInOneStoreCommit() {
    catalog.commitTransaction(
        TestCatalogs.appendCommit(a, A, "a1"), TestCatalogs.appendCommit(b, B, "b1"));

    assertThat(faults.calls(SWAP)).isEqualTo(1);
    assertThat(faults.calls("assets.commitMetadataLocation")).isZero();
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(A))).containsExactly("a1.parquet");
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(B))).containsExactly("b1.parquet");
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).isEmpty();
    assertThat(TestCatalogs.strayMetadataFiles(rival, B)).isEmpty();
  }

  @Test
  void aTableChangedBeforeTheSwapFailsEveryTableAndDeletesTheFilesWritten() {
    TableCommit toA = TestCatalogs.appendCommit(a, A, "a1");
    TableCommit toB = TestCatalogs.appendCommit(b, B, "b1");
    faults.on(SWAP, Fault.before(() -> TestCatalogs.append(rival.loadTable(B), "rival")));

    assertThatThrownBy(() -> catalog.commitTransaction(toA, toB))
        .isInstanceOf(CommitFailedException.class);

    faults.assertAllFaultsMet();
    assertUnmoved(A, aBefore);
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(B))).containsExactly("rival.parquet");
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).isEmpty();
    assertThat(TestCatalogs.strayMetadataFiles(rival, B)).isEmpty();
  }

  @Test
  void aFailedRequirementFailsEveryTable() {
    TableCommit toA = TestCatalogs.appendCommit(a, A, "a1");
    TableCommit toB = TestCatalogs.appendCommit(b, B, "b1");
    // b's commit requires b's main branch at the snapshot it was built on.
    TestCatalogs.append(rival.loadTable(B), "rival");

    assertThatThrownBy(() -> catalog.commitTransaction(toA, toB))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("Requirement failed");

    assertThat(faults.calls(SWAP)).isZero();
    assertUnmoved(A, aBefore);
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).isEmpty();
  }

  @Test
  void aTableNamedTwiceIsRejected() {
    TableCommit first = TestCatalogs.appendCommit(a, A, "a1");
    TableCommit second = TestCatalogs.appendCommit(a, A, "a2");

    assertThatThrownBy(() -> catalog.commitTransaction(first, second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ns.a");

    assertThat(faults.calls(SWAP)).isZero();
    assertUnmoved(A, aBefore);
  }

  @Test
  void aMissingTableIsNoSuchTableAndMovesNothing() {
    TableCommit toA = TestCatalogs.appendCommit(a, A, "a1");
    TableCommit toB = TestCatalogs.appendCommit(b, B, "b1");
    rival.dropTable(B, false);

    assertThatThrownBy(() -> catalog.commitTransaction(toA, toB))
        .isInstanceOf(NoSuchTableException.class)
        .hasMessageContaining("ns.b");

    assertUnmoved(A, aBefore);
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).isEmpty();
  }

  @Test
  void aTableDroppedBeforeTheSwapIsNoSuchTableAndMovesNothing() {
    TableCommit toA = TestCatalogs.appendCommit(a, A, "a1");
    TableCommit toB = TestCatalogs.appendCommit(b, B, "b1");
    faults.on(SWAP, Fault.before(() -> rival.dropTable(B, false)));

    assertThatThrownBy(() -> catalog.commitTransaction(toA, toB))
        .isInstanceOf(NoSuchTableException.class);

    faults.assertAllFaultsMet();
    assertUnmoved(A, aBefore);
    assertThat(TestCatalogs.strayMetadataFiles(rival, A)).isEmpty();
  }

  @Test
  void aCommitChangingNothingTakesNoPart() {
    TableCommit unchanged = TableCommit.create(A, aBefore, aBefore);

    catalog.commitTransaction(unchanged, TestCatalogs.appendCommit(b, B, "b1"));

    assertUnmoved(A, aBefore);
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(B))).containsExactly("b1.parquet");
  }

  @Test
  void commitsChangingNothingCallNoStore() {
    catalog.commitTransaction(
        TableCommit.create(A, aBefore, aBefore), TableCommit.create(B, bBefore, bBefore));
    catalog.commitTransaction(List.of());

    assertThat(faults.calls(SWAP)).isZero();
    assertUnmoved(A, aBefore);
    assertUnmoved(B, bBefore);
  }

  private void assertUnmoved(TableIdentifier id, TableMetadata before) {
    assertThat(TestCatalogs.metadata(rival, id).metadataFileLocation())
        .isEqualTo(before.metadataFileLocation());
  }
}
