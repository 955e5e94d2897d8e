package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;

/**
 * A rename whose reply is lost has landed when the asset it read now lives at the target, even if
 * the retry then meets a conflict because a rival has taken the old name meanwhile.
 */
class LostReplyRenameTest extends RivalCatalogs {
  private static final TableIdentifier A = TableIdentifier.of(NS, "a");
  private static final TableIdentifier B = TableIdentifier.of(NS, "b");
  private static final String RENAME = "assets.rename";

  @Test
  void aLostTableRenameThenAConflictIsSuccess() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, A), "mine");
    // The retry finds another table at the old name: its id guard makes it a conflict.
    faults.on(
        RENAME,
        Fault.loseReply(),
        Fault.before(() -> TestCatalogs.append(TestCatalogs.createTable(rival, A), "rival")));

    // Before the fix the conflict sent the rename back to read the name again, and the second
    // round failed as "already exists".
    catalog.renameTable(A, B);

    faults.assertAllFaultsMet();
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(B))).containsExactly("mine.parquet");
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(A))).containsExactly("rival.parquet");
  }

  @Test
  void aLostViewRenameThenAConflictIsSuccess() {
    TestCatalogs.createView(catalog, A);
    faults.on(RENAME, Fault.loseReply(), Fault.before(() -> TestCatalogs.createTable(rival, A)));

    catalog.renameView(A, B);

    faults.assertAllFaultsMet();
    assertThat(rival.loadView(B).sqlFor("spark").sql()).isEqualTo("select 1 as id");
    assertThat(rival.tableExists(A)).isTrue();
  }
}
