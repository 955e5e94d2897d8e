package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drop removes only what it read: a view never falls to dropTable, nor a table to dropView, even
 * when it takes the name between the drop's read and its delete; a purge deletes the files of
 * exactly the version it removed, the newest one when a commit came in between.
 */
class GuardedDropTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");
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
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void dropTableOfAViewNameIsFalseAndLeavesTheView() {
    TestCatalogs.createView(catalog, ID);

    assertThat(catalog.dropTable(ID, true)).isFalse();

    assertThat(catalog.viewExists(ID)).isTrue();
    assertThat(faults.calls(DELETE)).isZero();
  }

  @Test
  void dropViewOfATableNameIsFalseAndLeavesTheTable() {
    TestCatalogs.createTable(catalog, ID);

    assertThat(catalog.dropView(ID)).isFalse();

    assertThat(catalog.tableExists(ID)).isTrue();
    assertThat(faults.calls(DELETE)).isZero();
  }

  @Test
  void aViewTakingTheNameBetweenReadAndDeleteIsNeverDropped() {
    TestCatalogs.createTable(catalog, ID);
    faults.on(
        DELETE,
        Fault.before(
            () -> {
              rival.dropTable(ID, false);
              TestCatalogs.createView(rival, ID);
            }));

    assertThat(catalog.dropTable(ID, false)).isFalse();

    faults.assertAllFaultsMet();
    assertThat(rival.viewExists(ID)).isTrue();
    assertThat(rival.loadView(ID).sqlFor("spark").sql()).isEqualTo("select 1 as id");
  }

  @Test
  void aTableTakingTheNameBetweenReadAndDeleteIsNeverDroppedAsAView() {
    TestCatalogs.createView(catalog, ID);
    faults.on(
        DELETE,
        Fault.before(
            () -> {
              rival.dropView(ID);
              TestCatalogs.createTable(rival, ID);
            }));

    assertThat(catalog.dropView(ID)).isFalse();

    assertThat(rival.tableExists(ID)).isTrue();
  }

  @Test
  void aNewTableTakingTheNameBetweenReadAndDeleteIsDroppedAndPurgedInstead() {
    // The drop is of "the table at this name": it drops the new table, and purges its files only.
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "old");
    Set<String> oldFiles = TestCatalogs.filesUnder(tableDir);
    faults.on(
        DELETE,
        Fault.before(
            () -> {
              rival.dropTable(ID, false);
              TestCatalogs.append(TestCatalogs.createTable(rival, ID), "new");
            }));

    assertThat(catalog.dropTable(ID, true)).isTrue();

    assertThat(faults.calls(DELETE)).isEqualTo(2);
    assertThat(rival.tableExists(ID)).isFalse();
    assertThat(TestCatalogs.filesUnder(tableDir)).isEqualTo(oldFiles);
  }

  @Test
  void purgeDeletesEveryFileOfTheTableAndNoOther() {
    Table table = TestCatalogs.createTable(catalog, ID);
    TestCatalogs.append(table, "a");
    TestCatalogs.append(table, "b");
    table.updateProperties().set("k", "v").commit();
    Table neighbour = TestCatalogs.createTable(catalog, TableIdentifier.of(NS, "u"));
    TestCatalogs.append(neighbour, "c");
    Path neighbourDir = warehouse.resolve("ns").resolve("u");
    Set<String> neighbourFiles = TestCatalogs.filesUnder(neighbourDir);
    assertThat(TestCatalogs.filesUnder(tableDir)).hasSizeGreaterThan(6);

    assertThat(catalog.dropTable(ID, true)).isTrue();

    assertThat(TestCatalogs.filesUnder(tableDir)).isEmpty();
    assertThat(TestCatalogs.filesUnder(neighbourDir)).isEqualTo(neighbourFiles);
  }

  @Test
  void dropWithoutPurgeKeepsTheFiles() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    Set<String> files = TestCatalogs.filesUnder(tableDir);

    assertThat(catalog.dropTable(ID, false)).isTrue();

    assertThat(catalog.tableExists(ID)).isFalse();
    assertThat(TestCatalogs.filesUnder(tableDir)).isEqualTo(files);
  }

  @Test
  void aCommitBetweenReadAndDeleteIsPurgedToo() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "early");
    faults.on(DELETE, Fault.before(() -> TestCatalogs.append(rival.loadTable(ID), "late")));

    assertThat(catalog.dropTable(ID, true)).isTrue();

    faults.assertAllFaultsMet();
    assertThat(faults.calls(DELETE)).isEqualTo(2);
    assertThat(rival.tableExists(ID)).isFalse();
    // The late data file, manifest, manifest list and metadata file are purged with the rest.
    assertThat(TestCatalogs.filesUnder(tableDir)).isEmpty();
  }

  @Test
  void aLostReplyOnDropIsRecognisedAsDroppedAndPurges() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    faults.on(DELETE, Fault.loseReply());

    assertThat(catalog.dropTable(ID, true)).isTrue();

    assertThat(faults.calls(DELETE)).isEqualTo(2);
    assertThat(rival.tableExists(ID)).isFalse();
    assertThat(TestCatalogs.filesUnder(tableDir)).isEmpty();
  }

  @Test
  void aDropTheStoreRefusesOnEveryAttemptIsUnavailableAndLeavesTheTable() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    Set<String> files = TestCatalogs.filesUnder(tableDir);
    faults.on(DELETE, Fault.refuse(), Fault.refuse(), Fault.refuse());

    assertThatThrownBy(() -> catalog.dropTable(ID, true))
        .isInstanceOf(ServiceUnavailableException.class);

    assertThat(rival.tableExists(ID)).isTrue();
    assertThat(TestCatalogs.filesUnder(tableDir)).isEqualTo(files);
  }
}
