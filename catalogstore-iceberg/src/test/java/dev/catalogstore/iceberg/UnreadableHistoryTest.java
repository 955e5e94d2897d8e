package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A lost reply while the branch's history cannot be read either: "not read" is never taken for "not
 * found". The call reports its outcome unknown rather than guess, and no live file is lost.
 */
class UnreadableHistoryTest extends RivalCatalogs {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");

  @Test
  void aLostCreateRenamedAwayIsNotSentAgainWhileTheHistoryIsUnreadable() {
    Namespace other = Namespace.of("ns2");
    catalog.createNamespace(other);
    TableIdentifier moved = TableIdentifier.of(other, "t");
    faults.on("assets.create", Fault.loseReplyThen(() -> rival.renameTable(ID, moved)));
    faults.on("commits.ancestry", Fault.refuse(), Fault.refuse(), Fault.refuse());

    assertThatThrownBy(() -> catalog.buildTable(ID, TestCatalogs.SCHEMA).create())
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(faults.calls("assets.create")).as("never sent twice").isEqualTo(1);
    assertThat(rival.tableExists(ID)).isFalse();
    String metadata = TestCatalogs.metadata(rival, moved).metadataFileLocation();
    assertThat(Files.exists(Path.of(metadata))).isTrue();
  }

  @Test
  void aLostPurgeThatLandedNeverPurgesTheTableARivalCreatedAtTheName() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    faults.on(
        "assets.delete",
        Fault.loseReplyThen(() -> TestCatalogs.append(TestCatalogs.createTable(rival, ID), "b")));
    faults.on("commits.ancestry", Fault.refuse());

    assertThatThrownBy(() -> catalog.dropTable(ID, true))
        .isInstanceOf(ServiceUnavailableException.class);

    assertThat(rival.tableExists(ID)).as("the rival's new table survives").isTrue();
    assertThat(TableFiles.missing(rival.loadTable(ID))).isEmpty();
  }

  @Test
  void aLostDropThatLandedIsReportedUnknownNotAsNotDropped() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    faults.on("assets.delete", Fault.loseReply());
    faults.on("commits.ancestry", Fault.refuse());

    assertThatThrownBy(() -> catalog.dropTable(ID, true))
        .isInstanceOf(ServiceUnavailableException.class);

    faults.assertAllFaultsMet();
    assertThat(rival.tableExists(ID)).isFalse();
  }

  @Test
  void aLostDropThatLandedIsDroppedAndPurgedOnceTheHistoryIsReadable() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    String metadata = TestCatalogs.metadata(catalog, ID).metadataFileLocation();
    faults.on("assets.delete", Fault.loseReply());

    assertThat(catalog.dropTable(ID, true)).isTrue();

    assertThat(Files.exists(Path.of(metadata))).as("purged").isFalse();
  }
}
