package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.view.View;
import org.apache.iceberg.view.ViewVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view replace whose reply is lost has landed even when a rival replaces the view on top of it,
 * or renames it, before the retry: it is reported successful and its metadata file is kept; so is a
 * lost create with a rival replace on top.
 */
class LostReplyViewCommitTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "v");
  private static final TableIdentifier RENAMED = TableIdentifier.of(NS, "v2");
  private static final String COMMIT = "assets.commitMetadataLocation";

  @TempDir Path warehouse;
  private FaultyStore faults;
  private CatalogStoreCatalog catalog;
  private CatalogStoreCatalog rival;
  private String viewDir;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
    TestCatalogs.createView(catalog, ID);
    viewDir = warehouse.resolve("ns/v").toString();
  }

  @AfterEach
  void close() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }

  @Test
  void aLostReplaceWithARivalReplaceOnTopIsSuccessWithoutARetry() {
    faults.on(
        COMMIT, Fault.loseReply(), Fault.before(() -> replace(rival.loadView(ID), "select 3")));

    // Before the fix the retry's conflict failed the replace: its file was deleted and Iceberg
    // replaced the view a second time over the rival's version.
    replace(catalog.loadView(ID), "select 2");

    faults.assertAllFaultsMet();
    assertThat(faults.calls(COMMIT)).isEqualTo(2);
    View now = rival.loadView(ID);
    assertThat(now.sqlFor("spark").sql()).isEqualTo("select 3 as id");
    assertThat(now.versions())
        .extracting(version -> version.representations().toString())
        .anyMatch(sql -> sql.contains("select 2 as id"));
    // Created, the lost replace's (kept), the rival's.
    assertThat(TestCatalogs.metadataFiles(viewDir)).hasSize(3);
  }

  @Test
  void aLostReplaceWithARivalRenameIsSuccessAndTheRenamedViewLoads() {
    faults.on(COMMIT, Fault.loseReply(), Fault.before(() -> rival.renameView(ID, RENAMED)));

    replace(catalog.loadView(ID), "select 2");

    faults.assertAllFaultsMet();
    View renamed = rival.loadView(RENAMED);
    ViewVersion current = renamed.currentVersion();
    assertThat(renamed.sqlFor("spark").sql()).isEqualTo("select 2 as id");
    assertThat(current.versionId()).isEqualTo(2);
    assertThat(TestCatalogs.metadataFiles(viewDir)).hasSize(2);
  }

  @Test
  void aLostCreateWithARivalReplaceOnTopIsSuccessAndKeepsItsFile() {
    TableIdentifier other = TableIdentifier.of(NS, "w");
    faults.on(
        "assets.create", Fault.loseReplyThen(() -> replace(rival.loadView(other), "select 3")));

    // Before the fix the retry's already-exists failed the create and deleted its file.
    TestCatalogs.createView(catalog, other);

    faults.assertAllFaultsMet();
    View now = rival.loadView(other);
    assertThat(now.sqlFor("spark").sql()).isEqualTo("select 3 as id");
    // The create's file and the rival's: the create's is the view's first version's file.
    assertThat(TestCatalogs.metadataFiles(warehouse.resolve("ns/w").toString())).hasSize(2);
  }

  private static void replace(View view, String select) {
    view.replaceVersion()
        .withSchema(TestCatalogs.SCHEMA)
        .withDefaultNamespace(NS)
        .withQuery("spark", select + " as id")
        .commit();
  }
}
