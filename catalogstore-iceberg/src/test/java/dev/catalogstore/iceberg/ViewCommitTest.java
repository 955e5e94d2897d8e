package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.view.View;
import org.junit.jupiter.api.Test;

/**
 * A view's new version is installed like a table's metadata: a version that loses the
 * compare-and-set deletes its file and Iceberg's retry lands it; a lasting outage is an unknown
 * outcome that keeps the file.
 */
class ViewCommitTest extends RivalCatalogs {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");

  @Test
  void aViewReplaceOutageOnEveryAttemptIsUnknownAndKeepsTheFile() {
    TestCatalogs.createView(catalog, ID);
    String viewMetadata = warehouse.resolve("ns/t").toString();
    assertThat(TestCatalogs.metadataFiles(viewMetadata)).hasSize(1);
    faults.on("assets.commitMetadataLocation", Fault.refuse(), Fault.refuse(), Fault.refuse());

    assertThatThrownBy(
            () ->
                catalog
                    .loadView(ID)
                    .replaceVersion()
                    .withSchema(TestCatalogs.SCHEMA)
                    .withDefaultNamespace(NS)
                    .withQuery("spark", "select 2 as id")
                    .commit())
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(rival.loadView(ID).sqlFor("spark").sql()).isEqualTo("select 1 as id");
    assertThat(TestCatalogs.metadataFiles(viewMetadata)).hasSize(2);
  }

  @Test
  void aStaleViewReplaceIsRetriedAndTheLostAttemptsFileDeleted() {
    TestCatalogs.createView(catalog, ID);
    String viewMetadata = warehouse.resolve("ns/t").toString();
    View stale = catalog.loadView(ID);
    // The rival replaces the view after this replace read it and before its compare-and-set.
    faults.on(
        "assets.commitMetadataLocation",
        Fault.before(
            () ->
                rival
                    .loadView(ID)
                    .replaceVersion()
                    .withSchema(TestCatalogs.SCHEMA)
                    .withDefaultNamespace(NS)
                    .withQuery("spark", "select 3 as id")
                    .commit()));

    stale
        .replaceVersion()
        .withSchema(TestCatalogs.SCHEMA)
        .withDefaultNamespace(NS)
        .withQuery("spark", "select 2 as id")
        .commit();

    faults.assertAllFaultsMet();
    assertThat(faults.calls("assets.commitMetadataLocation")).isEqualTo(2);
    assertThat(rival.loadView(ID).sqlFor("spark").sql()).isEqualTo("select 2 as id");
    // Created, the rival's, the retry's: the lost attempt's file is gone.
    assertThat(TestCatalogs.metadataFiles(viewMetadata)).hasSize(3);
  }
}
