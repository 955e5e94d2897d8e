package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A rename moves only the table (or view) it read, and says why it cannot: the source is not a
 * table, the target is taken (by what), the target namespace is missing. A lost reply is success.
 */
class GuardedRenameTest extends RivalCatalogs {
  private static final TableIdentifier A = TableIdentifier.of(NS, "a");
  private static final TableIdentifier B = TableIdentifier.of(NS, "b");
  private static final String RENAME = "assets.rename";

  @Test
  void renameTableOfAViewNameIsNoSuchTable() {
    TestCatalogs.createView(catalog, A);

    assertThatThrownBy(() -> catalog.renameTable(A, B))
        .isInstanceOf(NoSuchTableException.class)
        .hasMessageContaining("ns.a");

    assertThat(catalog.viewExists(A)).isTrue();
    assertThat(faults.calls(RENAME)).isZero();
  }

  @Test
  void renameViewOfATableNameIsNoSuchView() {
    TestCatalogs.createTable(catalog, A);

    assertThatThrownBy(() -> catalog.renameView(A, B)).isInstanceOf(NoSuchViewException.class);

    assertThat(catalog.tableExists(A)).isTrue();
  }

  @Test
  void aTargetTakenByAViewSaysSo() {
    TestCatalogs.createTable(catalog, A);
    TestCatalogs.createView(catalog, B);

    assertThatThrownBy(() -> catalog.renameTable(A, B))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("Cannot rename ns.a to ns.b. View already exists");

    assertThat(catalog.tableExists(A)).isTrue();
    assertThat(catalog.viewExists(B)).isTrue();
  }

  @Test
  void aTargetTakenByATableSaysSo() {
    TestCatalogs.createTable(catalog, A);
    TestCatalogs.createTable(catalog, B);

    assertThatThrownBy(() -> catalog.renameTable(A, B))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("Cannot rename ns.a to ns.b. Table already exists");
  }

  @Test
  void aMissingTargetNamespaceIsNoSuchNamespace() {
    TestCatalogs.createTable(catalog, A);

    assertThatThrownBy(() -> catalog.renameTable(A, TableIdentifier.of(Namespace.of("nope"), "b")))
        .isInstanceOf(NoSuchNamespaceException.class)
        .hasMessageContaining("nope");

    assertThat(catalog.tableExists(A)).isTrue();
  }

  @Test
  void aLostReplyOnRenameIsRecognisedAsSuccess() {
    TestCatalogs.createTable(catalog, A);
    faults.on(RENAME, Fault.loseReply());

    catalog.renameTable(A, B);

    assertThat(faults.calls(RENAME)).isEqualTo(2);
    assertThat(rival.tableExists(A)).isFalse();
    assertThat(rival.tableExists(B)).isTrue();
  }

  @Test
  void aViewTakingTheSourceNameBetweenReadAndRenameIsNotRenamed() {
    TestCatalogs.createTable(catalog, A);
    faults.on(
        RENAME,
        Fault.before(
            () -> {
              rival.dropTable(A, false);
              TestCatalogs.createView(rival, A);
            }));

    assertThatThrownBy(() -> catalog.renameTable(A, B)).isInstanceOf(NoSuchTableException.class);

    faults.assertAllFaultsMet();
    assertThat(rival.viewExists(A)).isTrue();
    assertThat(rival.viewExists(B)).isFalse();
    assertThat(rival.tableExists(B)).isFalse();
  }

  @Test
  void aNewTableTakingTheSourceNameBetweenReadAndRenameIsRenamedInstead() {
    TestCatalogs.createTable(catalog, A);
    faults.on(
        RENAME,
        Fault.before(
            () -> {
              rival.dropTable(A, false);
              rival.createTable(
                  A,
                  TestCatalogs.SCHEMA,
                  org.apache.iceberg.PartitionSpec.unpartitioned(),
                  java.util.Map.of("gen", "2"));
            }));

    catalog.renameTable(A, B);

    assertThat(faults.calls(RENAME)).isEqualTo(2);
    assertThat(rival.tableExists(A)).isFalse();
    assertThat(rival.loadTable(B).properties()).containsEntry("gen", "2");
  }

  @Test
  void aRenameTheStoreRefusesOnEveryAttemptIsUnavailable() {
    TestCatalogs.createTable(catalog, A);
    faults.on(RENAME, Fault.refuse(), Fault.refuse(), Fault.refuse());

    assertThatThrownBy(() -> catalog.renameTable(A, B))
        .isInstanceOf(ServiceUnavailableException.class);

    assertThat(rival.tableExists(A)).isTrue();
    assertThat(rival.tableExists(B)).isFalse();
  }
}
