package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.iceberg.FaultyStore.Fault;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.junit.jupiter.api.Test;

/**
 * An error nobody planned for while a lost reply is settled (a store defect, an unwrapped
 * exception) proves nothing: the outcome is unknown and the landed metadata file is kept.
 */
class UnexpectedSettlementFailureTest extends RivalCatalogs {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");
  private static final Fault ODD =
      call -> CompletableFuture.failedFuture(new UnsupportedOperationException("odd"));

  @Test
  void anUnexpectedFailureWhileSettlingACommitKeepsTheLandedMetadata() {
    Table table = TestCatalogs.createTable(catalog, ID);
    faults.on("assets.commitMetadataLocation", Fault.loseReply());
    faults.on("commits.ancestry", ODD);
    faults.on("assets.history", ODD);

    assertThatThrownBy(() -> TestCatalogs.append(table, "a"))
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(TableFiles.missing(rival.loadTable(ID))).isEmpty();
  }

  @Test
  void anUnexpectedFailureOfTheCommitItselfKeepsItsFile() {
    Table table = TestCatalogs.createTable(catalog, ID);
    faults.on(
        "assets.commitMetadataLocation",
        call -> {
          call.get().handle((result, failure) -> null).join(); // it lands
          return CompletableFuture.failedFuture(new UnsupportedOperationException("odd"));
        });

    assertThatThrownBy(() -> TestCatalogs.append(table, "a"))
        .isInstanceOf(CommitStateUnknownException.class);

    assertThat(TableFiles.missing(rival.loadTable(ID))).isEmpty();
  }
}
