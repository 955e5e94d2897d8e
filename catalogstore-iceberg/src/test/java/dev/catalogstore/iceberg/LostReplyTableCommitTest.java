package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.iceberg.FaultyStore.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.junit.jupiter.api.Test;

/**
 * A table commit or create whose reply is lost has landed even when, before the retry, a rival
 * commits on top of it or renames the table: it is reported successful and none of its files is
 * deleted (they are in the table's metadata now). A failure the store does not classify proves
 * nothing, so it is an unknown outcome that keeps the file.
 */
class LostReplyTableCommitTest extends RivalCatalogs {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");
  private static final TableIdentifier RENAMED = TableIdentifier.of(NS, "t2");
  private static final String COMMIT = "assets.commitMetadataLocation";
  private static final String CREATE = "assets.create";

  @Test
  void aLostAppendWithARivalCommitOnTopIsSuccessAndKeepsItsFiles() {
    Table table = TestCatalogs.createTable(catalog, ID);
    faults.on(COMMIT, Fault.loseReply(), Fault.before(this::rivalSetsAProperty));

    // Before the fix the retry's conflict failed the append: Iceberg appended the file a second
    // time on top of the rival and the landed commit's metadata file was deleted.
    TestCatalogs.append(table, "a");

    faults.assertAllFaultsMet();
    assertThat(faults.calls(COMMIT)).isEqualTo(2);
    Table now = rival.loadTable(ID);
    assertThat(now.properties()).containsEntry("by", "rival");
    assertThat(TestCatalogs.dataFileNames(now)).containsExactly("a.parquet");
    assertThat(now.snapshots()).hasSize(1);
    assertThat(TableFiles.missing(now)).isEmpty();
  }

  @Test
  void aLostCommitWithARivalRenameIsSuccessAndTheRenamedTableLoads() {
    // Pinned: the store's history follows the asset to its new name and shows the commit landed,
    // so success is proven; an unknown outcome would be true but needlessly vague.
    TestCatalogs.createTable(catalog, ID);
    Table table = catalog.loadTable(ID);
    faults.on(COMMIT, Fault.loseReply(), Fault.before(() -> rival.renameTable(ID, RENAMED)));

    table.updateProperties().set("k", "v").commit();

    faults.assertAllFaultsMet();
    Table renamed = rival.loadTable(RENAMED);
    assertThat(renamed.properties()).containsEntry("k", "v");
    TableMetadata current = TestCatalogs.metadata(rival, RENAMED);
    assertThat(Path.of(current.metadataFileLocation())).exists();
    assertThat(TableFiles.missing(renamed)).isEmpty();
    assertThat(rival.tableExists(ID)).isFalse();
  }

  @Test
  void aLostCreateWithARivalCommitOnTopIsSuccessAndKeepsItsFile() {
    faults.on(CREATE, Fault.loseReplyThen(this::rivalSetsAProperty));

    Table created = catalog.buildTable(ID, TestCatalogs.SCHEMA).create();

    faults.assertAllFaultsMet();
    assertThat(created).isNotNull();
    Table now = rival.loadTable(ID);
    assertThat(now.properties()).containsEntry("by", "rival");
    TableMetadata metadata = TestCatalogs.metadata(rival, ID);
    // The create's file is the first entry of the metadata log: it must still be there.
    assertThat(metadata.previousFiles()).hasSize(1);
    assertThat(TableFiles.missing(now)).isEmpty();
  }

  @Test
  void aLostCreateTransactionWithARivalCommitOnTopIsSuccessAndKeepsItsData() {
    Transaction ctas = catalog.buildTable(ID, TestCatalogs.SCHEMA).createTransaction();
    ctas.newAppend()
        .appendFile(
            TestCatalogs.dataFile(
                ctas.table().io(), warehouse.resolve("ns/t/data/ctas.parquet").toString()))
        .commit();
    faults.on(CREATE, Fault.loseReplyThen(this::rivalSetsAProperty));

    // Before the fix the create failed as "already exists" and the transaction's clean-up deleted
    // the manifests and metadata file of the table it had in fact created.
    ctas.commitTransaction();

    faults.assertAllFaultsMet();
    Table now = rival.loadTable(ID);
    assertThat(now.properties()).containsEntry("by", "rival");
    assertThat(TestCatalogs.dataFileNames(now)).containsExactly("ctas.parquet");
    assertThat(TableFiles.missing(now)).isEmpty();
  }

  /**
   * A lost create whose table was renamed away and whose name another table took since: the
   * branch's history holds the create's commit, so it landed, and its file, the renamed table's
   * metadata, is kept.
   */
  @Test
  void aLostCreateRenamedAwayAndReplacedLandedAndKeepsItsFile() {
    faults.on(
        CREATE,
        Fault.loseReplyThen(
            () -> {
              rival.renameTable(ID, RENAMED);
              TestCatalogs.createTable(rival, ID);
            }));

    catalog.buildTable(ID, TestCatalogs.SCHEMA).create();

    faults.assertAllFaultsMet();
    Table renamed = rival.loadTable(RENAMED);
    assertThat(TableFiles.missing(renamed)).isEmpty();
    assertThat(Files.exists(Path.of(TestCatalogs.metadata(rival, RENAMED).metadataFileLocation())))
        .isTrue();
  }

  /**
   * When the branch's history cannot be read either, a name held by another table proves nothing:
   * the outcome is unknown and the file is kept.
   */
  @Test
  void aLostCreateWhoseNameAnotherTableHoldsIsUnknownWhenHistoryIsUnreadable() {
    faults.on(
        CREATE,
        Fault.loseReplyThen(
            () -> {
              rival.renameTable(ID, RENAMED);
              TestCatalogs.createTable(rival, ID);
            }));
    // Both readings of the branch's history are refused: before the create is sent again, and
    // when its refusal is settled.
    faults.on("commits.ancestry", Fault.refuse(), Fault.refuse());

    assertThatThrownBy(() -> catalog.buildTable(ID, TestCatalogs.SCHEMA).create())
        .isInstanceOf(CommitStateUnknownException.class);

    Table renamed = rival.loadTable(RENAMED);
    assertThat(TableFiles.missing(renamed)).isEmpty();
  }

  @Test
  void anUnclassifiedStoreErrorAfterTheCommitAppliedIsUnknownAndKeepsTheFile() {
    TableOperations ops = opsOfNewTable();
    TableMetadata base = ops.current();
    TableMetadata next = TableMetadata.buildFrom(base).setProperties(Map.of("k", "v")).build();
    faults.on(COMMIT, appliedThenFails(new InternalStoreException("injected: store bug", null)));

    assertThatThrownBy(() -> ops.commit(base, next))
        .isInstanceOf(CommitStateUnknownException.class);

    faults.assertAllFaultsMet();
    // The commit did land: its file is the table's metadata and must not have been deleted.
    Table now = rival.loadTable(ID);
    assertThat(now.properties()).containsEntry("k", "v");
    assertThat(TableFiles.missing(now)).isEmpty();
  }

  @Test
  void anyOtherRuntimeFailureOfTheCommitIsUnknownAndKeepsTheFile() {
    TableOperations ops = opsOfNewTable();
    TableMetadata base = ops.current();
    TableMetadata next = TableMetadata.buildFrom(base).setProperties(Map.of("k", "v")).build();
    Set<String> before = TestCatalogs.metadataFiles(base.location());
    faults.on(COMMIT, call -> CompletableFuture.failedFuture(new IllegalStateException("boom")));

    assertThatThrownBy(() -> ops.commit(base, next))
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(TestCatalogs.metadata(rival, ID).metadataFileLocation())
        .isEqualTo(base.metadataFileLocation());
    // As far as the committer knows, the file it wrote may be in use: it is kept.
    Set<String> added = new TreeSet<>(TestCatalogs.metadataFiles(base.location()));
    added.removeAll(before);
    assertThat(added).hasSize(1);
    assertThat(added).allSatisfy(file -> assertThat(Files.exists(Path.of(file))).isTrue());
  }

  private TableOperations opsOfNewTable() {
    TestCatalogs.createTable(catalog, ID);
    return ((HasTableOperations) catalog.loadTable(ID)).operations();
  }

  private void rivalSetsAProperty() {
    rival.loadTable(ID).updateProperties().set("by", "rival").commit();
  }

  /** The store applies the call, then fails with {@code error} instead of replying. */
  private static Fault appliedThenFails(RuntimeException error) {
    return call -> {
      call.get().handle((result, failure) -> null).join();
      return CompletableFuture.failedFuture(error);
    };
  }
}
