package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.iceberg.FaultyStore.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lost replies raced by other writers that move, drop or re-register what the call acted on: the
 * branch's history, where each change's commit carries its call's token, says whether the call
 * landed, and no file a live table uses is ever deleted.
 */
class LostReplyRaceTest extends RivalCatalogs {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");
  private static final TableIdentifier OTHER = TableIdentifier.of(NS, "other");
  private static final Namespace NS2 = Namespace.of("ns2");

  @BeforeEach
  void secondNamespace() {
    catalog.createNamespace(NS2);
  }

  @Test
  void aRefusedPurgeWhileTheTableIsDroppedAndReRegisteredPurgesNothing() {
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    String metadata = TestCatalogs.metadata(catalog, ID).metadataFileLocation();
    faults.on(
        "assets.delete",
        Fault.refuseAfter(
            () -> {
              rival.dropTable(ID, false);
              rival.registerTable(OTHER, metadata);
            }));

    boolean dropped = catalog.dropTable(ID, true);

    faults.assertAllFaultsMet();
    assertThat(dropped).as("someone else dropped it").isFalse();
    assertThat(Files.exists(Path.of(metadata))).isTrue();
    assertThatCode(() -> TestCatalogs.dataFileNames(rival.loadTable(OTHER)))
        .doesNotThrowAnyException();
  }

  @Test
  void aLostCreateMovedAwayBeforeItsNamespaceWasDroppedLandedAndKeepsItsFiles() {
    TableIdentifier moved = TableIdentifier.of(NS2, "t");
    Transaction create =
        catalog
            .buildTable(ID, TestCatalogs.SCHEMA)
            .withPartitionSpec(PartitionSpec.unpartitioned())
            .createTransaction();
    TestCatalogs.append(create.table(), "a");
    faults.on(
        "assets.create",
        Fault.loseReplyThen(
            () -> {
              rival.renameTable(ID, moved);
              rival.dropNamespace(NS);
            }));

    create.commitTransaction();

    faults.assertAllFaultsMet();
    assertThat(TestCatalogs.dataFileNames(rival.loadTable(moved))).hasSize(1);
  }

  @Test
  void aLostCommitThatLandedOnATableRegisteredAtTheNameIsSuccess() {
    TableIdentifier old = TableIdentifier.of(NS, "old");
    TestCatalogs.append(TestCatalogs.createTable(catalog, ID), "a");
    String v1 = TestCatalogs.metadata(catalog, ID).metadataFileLocation();
    Table handle = catalog.loadTable(ID);
    faults.on(
        "assets.commitMetadataLocation",
        call -> {
          rival.renameTable(ID, old);
          rival.registerTable(ID, v1);
          call.get().handle((result, failure) -> null).join(); // lands on the registered table
          return CompletableFuture.failedFuture(new UnavailableException("reply lost", null));
        });

    handle.updateProperties().set("k", "v").commit();

    faults.assertAllFaultsMet();
    Table registered = rival.loadTable(ID);
    assertThat(registered.properties()).containsEntry("k", "v");
    assertThat(TableFiles.missing(registered)).isEmpty();
  }

  @Test
  void aLostRenameThatWasRenamedFurtherIsSuccess() {
    TableIdentifier b = TableIdentifier.of(NS, "b");
    TableIdentifier c = TableIdentifier.of(NS, "c");
    TestCatalogs.createTable(catalog, ID);
    faults.on("assets.rename", Fault.loseReply(), Fault.before(() -> rival.renameTable(b, c)));

    catalog.renameTable(ID, b);

    faults.assertAllFaultsMet();
    assertThat(rival.tableExists(c)).isTrue();
  }

  @Test
  void aLostCreateRenamedAwayIsNotCreatedAgainOnTheSameMetadata() {
    TableIdentifier moved = TableIdentifier.of(NS2, "t");
    faults.on("assets.create", Fault.loseReplyThen(() -> rival.renameTable(ID, moved)));

    catalog.buildTable(ID, TestCatalogs.SCHEMA).create();

    faults.assertAllFaultsMet();
    assertThat(faults.calls("assets.create")).as("not sent again").isEqualTo(1);
    assertThat(rival.tableExists(moved)).isTrue();
    assertThat(rival.tableExists(ID)).isFalse();
  }
}
