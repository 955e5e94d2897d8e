package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.TestHistory.created;
import static dev.catalogstore.api.spi.TestHistory.deleted;
import static dev.catalogstore.api.spi.TestHistory.table;
import static dev.catalogstore.api.spi.TestHistory.updated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.CommitId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which history entries maintenance may forget ({@link HistoryPruning}), rule by rule: only entries
 * strictly before the cutoff, never a location referenced from outside, never a location an entry
 * kept also holds; and the locations a branch head's contents and the tagged commits hold.
 */
class HistoryPruningTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  private static MetadataLocation entry(long sequence, String location, int day) {
    return new MetadataLocation(sequence, location, Optional.empty(), T.plusSeconds(86_400L * day));
  }

  private static List<MetadataLocation> prunable(
      List<MetadataLocation> entries, int cutoffDay, Set<String> referenced) {
    return HistoryPruning.prunable(
        entries,
        MetadataLocation::committedAt,
        MetadataLocation::location,
        T.plusSeconds(86_400L * cutoffDay),
        referenced);
  }

  @Test
  void onlyEntriesStrictlyBeforeTheCutoffAreCandidates() {
    List<MetadataLocation> entries = List.of(entry(1, "a", 0), entry(2, "b", 1), entry(3, "c", 2));

    assertThat(prunable(entries, 1, Set.of())).containsExactly(entries.get(0));
    assertThat(prunable(entries, 2, Set.of())).containsExactly(entries.get(0), entries.get(1));
    assertThat(prunable(entries, 0, Set.of())).isEmpty();
  }

  @Test
  void aReferencedLocationIsNeverPruned() {
    List<MetadataLocation> entries = List.of(entry(1, "a", 0), entry(2, "b", 1), entry(3, "c", 2));

    assertThat(prunable(entries, 10, Set.of("a", "c"))).containsExactly(entries.get(1));
    assertThat(prunable(entries, 10, Set.of("a", "b", "c"))).isEmpty();
  }

  @Test
  void aLocationAKeptEntryHoldsIsNeverPruned() {
    List<MetadataLocation> entries =
        List.of(entry(1, "a", 0), entry(2, "b", 1), entry(3, "a", 5), entry(4, "c", 6));

    assertThat(prunable(entries, 3, Set.of())).containsExactly(entries.get(1));
  }

  @Test
  void theEntriesToPruneComeInTheOrderGivenDuplicatesIncluded() {
    List<MetadataLocation> entries =
        List.of(entry(1, "a", 0), entry(2, "b", 1), entry(3, "a", 2), entry(4, "c", 3));

    assertThat(prunable(entries, 10, Set.of("c")))
        .containsExactly(entries.get(0), entries.get(1), entries.get(2));
    List<MetadataLocation> reversed = new ArrayList<>(entries);
    Collections.reverse(reversed);
    assertThat(prunable(reversed, 10, Set.of("c")))
        .containsExactly(entries.get(2), entries.get(1), entries.get(0));
  }

  @Test
  void nothingIsPrunedOfAnEmptyHistory() {
    assertThat(prunable(List.of(), 10, Set.of())).isEmpty();
  }

  @Test
  void theContentsOfHeadsReferenceTheirMetadataLocationsOnly() {
    AssetContent view =
        new AssetContent(AssetKind.ICEBERG_VIEW, Optional.of("s3://v"), Optional.empty(), Map.of());

    assertThat(HistoryPruning.referencedBy(List.of(table("orders", 2), view, table("items", 1))))
        .containsExactlyInAnyOrder(
            "s3://lake/orders/2.metadata.json", "s3://lake/items/1.metadata.json");
    assertThat(HistoryPruning.referencedBy(List.of())).isEmpty();
  }

  @Test
  void aTaggedCommitReferencesTheLocationsOfItsContentOnly() {
    TestHistory history = new TestHistory();
    CommitId root = history.root();
    CommitId c1 = history.commit(root, created("orders"), created("items"));
    CommitId c2 = history.commit(c1, updated("orders", 1, 2));
    CommitId c3 = history.commit(c2, updated("orders", 2, 3), deleted("items", 1));

    assertThat(HistoryPruning.taggedLocations(history, root, List.of(c2)))
        .containsExactlyInAnyOrder(
            "s3://lake/orders/2.metadata.json", "s3://lake/items/1.metadata.json");
    assertThat(HistoryPruning.taggedLocations(history, root, List.of(c3)))
        .containsExactly("s3://lake/orders/3.metadata.json");
    assertThat(HistoryPruning.taggedLocations(history, root, List.of(c1, c3, c1)))
        .containsExactlyInAnyOrder(
            "s3://lake/orders/1.metadata.json",
            "s3://lake/items/1.metadata.json",
            "s3://lake/orders/3.metadata.json");
    assertThat(HistoryPruning.taggedLocations(history, root, List.of(root))).isEmpty();
    assertThat(HistoryPruning.taggedLocations(history, root, List.of())).isEmpty();
  }
}
