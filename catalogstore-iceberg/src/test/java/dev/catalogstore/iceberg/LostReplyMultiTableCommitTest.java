package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import java.nio.file.Path;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;

/**
 * A multi-table commit whose reply is lost has landed for every table, even when a rival moves one
 * of them on before the retry: it is reported successful and no table's new metadata is deleted.
 */
class LostReplyMultiTableCommitTest extends RivalCatalogs {
  private static final TableIdentifier A = TableIdentifier.of(NS, "a");
  private static final TableIdentifier B = TableIdentifier.of(NS, "b");
  private static final String SWAP = "assets.commitMetadataLocations";

  @Test
  void aLostReplyWithARivalCommitOnOneTableIsSuccessAndKeepsEveryFile() {
    Table a = TestCatalogs.createTable(catalog, A);
    Table b = TestCatalogs.createTable(catalog, B);
    TableCommit toA = TestCatalogs.appendCommit(a, A, "a1");
    TableCommit toB = TestCatalogs.appendCommit(b, B, "b1");
    faults.on(
        SWAP,
        Fault.loseReply(),
        Fault.before(() -> TestCatalogs.append(rival.loadTable(A), "rival")));

    // Before the fix the retry's conflict on A failed the commit and deleted both new metadata
    // files, though B's was by then B's current metadata.
    catalog.commitTransaction(toA, toB);

    faults.assertAllFaultsMet();
    Table bNow = rival.loadTable(B);
    assertThat(Path.of(TestCatalogs.metadata(rival, B).metadataFileLocation())).exists();
    assertThat(TestCatalogs.dataFileNames(bNow)).containsExactly("b1.parquet");
    assertThat(TableFiles.missing(bNow)).isEmpty();
    Table aNow = rival.loadTable(A);
    assertThat(TestCatalogs.dataFileNames(aNow))
        .containsExactlyInAnyOrder("a1.parquet", "rival.parquet");
    assertThat(TableFiles.missing(aNow)).isEmpty();
  }
}
