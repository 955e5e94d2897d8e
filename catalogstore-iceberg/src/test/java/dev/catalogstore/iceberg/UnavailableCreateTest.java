package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.junit.jupiter.api.Test;

/**
 * Creating a table or view the store refuses as unavailable: a retry that finds the name taken by
 * the very metadata file it sent is the lost attempt's success; by another, a plain already-exists.
 */
class UnavailableCreateTest extends RivalCatalogs {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");
  private static final String CREATE = "assets.create";

  @Test
  void aLostReplyOnCreateIsRecognisedAsSuccess() {
    faults.on(CREATE, Fault.loseReply());

    TestCatalogs.createTable(catalog, ID);

    // Settled by the branch's history before sending it again: a create is sent once.
    assertThat(faults.calls(CREATE)).isEqualTo(1);
    TableMetadata created = metadata();
    assertThat(TestCatalogs.metadataFiles(created.location()))
        .containsExactly(created.metadataFileLocation());
  }

  @Test
  void aCreateOutageThatEndsIsOvercome() {
    faults.on(CREATE, Fault.refuse(), Fault.refuse());

    TestCatalogs.createTable(catalog, ID);

    assertThat(faults.calls(CREATE)).isEqualTo(3);
    assertThat(rival.tableExists(ID)).isTrue();
  }

  @Test
  void aCreateOutageOnEveryAttemptIsUnknownAndKeepsTheFile() {
    faults.on(CREATE, Fault.refuse(), Fault.refuse(), Fault.refuse());

    assertThatThrownBy(() -> TestCatalogs.createTable(catalog, ID))
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(rival.tableExists(ID)).isFalse();
    assertThat(TestCatalogs.metadataFiles(warehouse.resolve("ns/t").toString())).hasSize(1);
  }

  /**
   * A create refused by an outage while a rival creates the table: the branch's history, read back
   * past the create, holds no commit of it, so the rival's table proves the create lost; only the
   * rival's metadata file is left.
   */
  @Test
  void aRivalCreatingTheTableDuringTheOutageWins() {
    faults.on(CREATE, Fault.refuseAfter(() -> TestCatalogs.createTable(rival, ID)));

    assertThatThrownBy(() -> TestCatalogs.createTable(catalog, ID))
        .isInstanceOf(AlreadyExistsException.class);

    TableMetadata created = metadata();
    assertThat(TestCatalogs.metadataFiles(created.location()))
        .containsExactly(created.metadataFileLocation());
  }

  @Test
  void aLostReplyOnViewCreateIsRecognisedAsSuccess() {
    faults.on(CREATE, Fault.loseReply());

    TestCatalogs.createView(catalog, ID);

    assertThat(faults.calls(CREATE)).isEqualTo(1);
    assertThat(rival.viewExists(ID)).isTrue();
  }

  @Test
  void aRivalCreatingTheViewDuringTheOutageWins() {
    faults.on(CREATE, Fault.refuseAfter(() -> TestCatalogs.createView(rival, ID)));

    assertThatThrownBy(() -> TestCatalogs.createView(catalog, ID))
        .isInstanceOf(AlreadyExistsException.class);

    assertThat(rival.viewExists(ID)).isTrue();
    assertThat(TestCatalogs.metadataFiles(warehouse.resolve("ns/t").toString())).hasSize(1);
  }

  private TableMetadata metadata() {
    return ((HasTableOperations) rival.loadTable(ID)).operations().current();
  }
}
