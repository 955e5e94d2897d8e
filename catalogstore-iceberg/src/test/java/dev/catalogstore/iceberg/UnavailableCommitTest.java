package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table commit the store refuses as unavailable is sent again (two retries here): a lost reply is
 * recognised as success, an outage that ends is overcome, an outage that lasts is an unknown
 * outcome keeping the metadata file, and a rival's commit meanwhile is a plain failure.
 */
class UnavailableCommitTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");
  private static final String COMMIT = "assets.commitMetadataLocation";

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;
  private CatalogStoreCatalog rival;
  private TableOperations ops;
  private TableMetadata base;
  private TableMetadata next;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
    TestCatalogs.createTable(catalog, ID);
    ops = ((HasTableOperations) catalog.loadTable(ID)).operations();
    base = ops.current();
    next = TableMetadata.buildFrom(base).setProperties(Map.of("k", "v")).build();
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void aLostReplyIsRecognisedAsSuccessAndKeepsTheFile() {
    faults.on(COMMIT, Fault.loseReply());

    ops.commit(base, next);

    faults.assertAllFaultsMet();
    assertThat(faults.calls(COMMIT)).isEqualTo(2);
    TableMetadata now = currentMetadata();
    assertThat(now.properties()).containsEntry("k", "v");
    assertThat(TestCatalogs.metadataFiles(base.location())).contains(now.metadataFileLocation());
  }

  @Test
  void anOutageThatEndsIsOvercome() {
    faults.on(COMMIT, Fault.refuse(), Fault.refuse());

    ops.commit(base, next);

    assertThat(faults.calls(COMMIT)).isEqualTo(3);
    assertThat(currentMetadata().properties()).containsEntry("k", "v");
    assertNoStrayMetadataFiles();
  }

  @Test
  void anOutageOnEveryAttemptIsAnUnknownOutcomeAndKeepsTheFile() {
    faults.on(COMMIT, Fault.refuse(), Fault.refuse(), Fault.refuse());
    Set<String> before = TestCatalogs.metadataFiles(base.location());

    assertThatThrownBy(() -> ops.commit(base, next))
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(faults.calls(COMMIT)).isEqualTo(3);
    assertThat(currentMetadata().metadataFileLocation()).isEqualTo(base.metadataFileLocation());
    // The file written may be the table's metadata as far as the caller knows: it is kept.
    Set<String> after = new TreeSet<>(TestCatalogs.metadataFiles(base.location()));
    after.removeAll(before);
    assertThat(after).hasSize(1);
  }

  @Test
  void anUnreadableOutcomeAfterALostReplyIsUnknownToo() {
    // The retry's conflict must be settled by reading the branch's history and the table's,
    // which the store refuses as well.
    faults.on(COMMIT, Fault.loseReply());
    faults.on("commits.ancestry", Fault.refuse());
    faults.on("assets.get", Fault.refuse());

    assertThatThrownBy(() -> ops.commit(base, next))
        .isInstanceOf(CommitStateUnknownException.class);

    faults.assertAllFaultsMet();
    TableMetadata now = currentMetadata();
    assertThat(now.properties()).containsEntry("k", "v");
    assertThat(TestCatalogs.metadataFiles(base.location())).contains(now.metadataFileLocation());
  }

  @Test
  void aRivalCommitDuringTheOutageFailsTheCommitAndDeletesItsFile() {
    faults.on(
        COMMIT,
        Fault.refuseAfter(
            () -> rival.loadTable(ID).updateProperties().set("by", "rival").commit()));

    assertThatThrownBy(() -> ops.commit(base, next)).isInstanceOf(CommitFailedException.class);

    TableMetadata now = currentMetadata();
    assertThat(now.properties()).containsEntry("by", "rival").doesNotContainKey("k");
    assertNoStrayMetadataFiles();
  }

  private TableMetadata currentMetadata() {
    return ((HasTableOperations) rival.loadTable(ID)).operations().current();
  }

  private void assertNoStrayMetadataFiles() {
    TableMetadata now = currentMetadata();
    assertThat(TestCatalogs.metadataFiles(now.location()))
        .isEqualTo(TestCatalogs.referencedMetadataFiles(now));
  }
}
