package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.federation.SyncStatus;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.MirrorPlan.MirroredAsset;
import dev.catalogstore.api.spi.MirrorPlan.TableMove;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The diff a sync applies ({@link MirrorPlan#between}), branch by branch: namespaces added (parents
 * first, implied ones without properties), updated (listed ones whose properties differ), kept
 * (implied ones whatever their properties) and removed (children first); tables added, moved (with
 * the location they move from), kept, and assets removed (not listed, or of another kind where a
 * table is listed, which is then added).
 */
class MirrorPlanTest {
  private static final NamespacePath A = NamespacePath.of("a");
  private static final NamespacePath AB = NamespacePath.of("a", "b");
  private static final NamespacePath ABC = NamespacePath.of("a", "b", "c");
  private static final NamespacePath X = NamespacePath.of("x");
  private static final NamespacePath XY = NamespacePath.of("x", "y");

  /** A remote listing {@code listed}, implying {@code implied}, with {@code tables}. */
  private static RemoteSnapshot remote(
      Map<NamespacePath, Map<String, String>> listed,
      List<NamespacePath> implied,
      Map<NamespacePath, Map<String, String>> tables) {
    Map<NamespacePath, Map<String, String>> all = new LinkedHashMap<>();
    listed.keySet().forEach(path -> all.put(path, Map.of()));
    implied.forEach(path -> all.put(path, Map.of()));
    all.putAll(tables);
    return new RemoteSnapshot(listed, implied, all);
  }

  private static MirroredAsset table(String location) {
    return new MirroredAsset(AssetKind.ICEBERG_TABLE, Optional.of(location));
  }

  private static AssetKey key(NamespacePath namespace, String name) {
    return new AssetKey(namespace, name);
  }

  @Test
  void anEmptyMirrorOfAnEmptyRemoteChangesNothing() {
    MirrorPlan plan = MirrorPlan.between(remote(Map.of(), List.of(), Map.of()), Map.of(), Map.of());

    assertThat(plan.namespacesToAdd()).isEmpty();
    assertThat(plan.namespacesToUpdate()).isEmpty();
    assertThat(plan.namespacesToRemove()).isEmpty();
    assertThat(plan.changesNoAsset()).isTrue();
  }

  @Test
  void missingNamespacesAreAddedParentsFirstImpliedOnesWithoutProperties() {
    RemoteSnapshot remote =
        remote(Map.of(ABC, Map.of("p", "1"), X, Map.of("q", "2")), List.of(A, AB), Map.of());

    MirrorPlan plan = MirrorPlan.between(remote, Map.of(), Map.of());

    assertThat(plan.namespacesToAdd().keySet()).containsExactly(A, X, AB, ABC);
    assertThat(plan.namespacesToAdd())
        .containsEntry(A, Map.of())
        .containsEntry(AB, Map.of())
        .containsEntry(ABC, Map.of("p", "1"))
        .containsEntry(X, Map.of("q", "2"));
    assertThat(plan.namespacesToUpdate()).isEmpty();
  }

  @Test
  void aListedNamespaceIsUpdatedOnlyWhenItsPropertiesDiffer() {
    RemoteSnapshot remote =
        remote(Map.of(A, Map.of("p", "1"), X, Map.of("q", "new")), List.of(), Map.of());
    Map<NamespacePath, Map<String, String>> held =
        Map.of(A, Map.of("p", "1"), X, Map.of("q", "old", "extra", "x"));

    MirrorPlan plan = MirrorPlan.between(remote, held, Map.of());

    assertThat(plan.namespacesToUpdate()).containsExactly(Map.entry(X, Map.of("q", "new")));
    assertThat(plan.namespacesToAdd()).isEmpty();
    assertThat(plan.namespacesToRemove()).isEmpty();
  }

  @Test
  void anImpliedNamespaceTheMirrorHoldsIsLeftAsItIs() {
    RemoteSnapshot remote = remote(Map.of(AB, Map.of()), List.of(A), Map.of());

    MirrorPlan plan =
        MirrorPlan.between(remote, Map.of(A, Map.of("local", "props"), AB, Map.of()), Map.of());

    assertThat(plan.namespacesToUpdate()).isEmpty();
    assertThat(plan.namespacesToAdd()).isEmpty();
    assertThat(plan.namespacesToRemove()).isEmpty();
  }

  @Test
  void namespacesTheRemoteNoLongerHasAreRemovedChildrenFirst() {
    RemoteSnapshot remote = remote(Map.of(A, Map.of()), List.of(), Map.of());
    Map<NamespacePath, Map<String, String>> held = new HashMap<>();
    for (NamespacePath path : List.of(A, AB, ABC, X, XY)) {
      held.put(path, Map.of());
    }

    MirrorPlan plan = MirrorPlan.between(remote, held, Map.of());

    assertThat(plan.namespacesToRemove()).containsExactly(ABC, XY, AB, X);
  }

  @Test
  void tablesAreAddedMovedKeptAndRemoved() {
    RemoteSnapshot remote =
        remote(
            Map.of(A, Map.of()),
            List.of(),
            Map.of(
                A,
                Map.of(
                    "kept", "s3://kept/1",
                    "moved", "s3://moved/2",
                    "new", "s3://new/1",
                    "unset", "s3://unset/1")));
    Map<AssetKey, MirroredAsset> held =
        Map.of(
            key(A, "kept"), table("s3://kept/1"),
            key(A, "moved"), table("s3://moved/1"),
            key(A, "unset"), new MirroredAsset(AssetKind.ICEBERG_TABLE, Optional.empty()),
            key(A, "dropped"), table("s3://dropped/1"));

    MirrorPlan plan = MirrorPlan.between(remote, Map.of(A, Map.of()), held);

    assertThat(plan.tablesToAdd()).containsExactly(Map.entry(key(A, "new"), "s3://new/1"));
    assertThat(plan.tablesToUpdate())
        .containsExactly(
            Map.entry(key(A, "moved"), new TableMove(Optional.of("s3://moved/1"), "s3://moved/2")),
            Map.entry(key(A, "unset"), new TableMove(Optional.empty(), "s3://unset/1")));
    assertThat(plan.assetsToRemove()).containsExactly(key(A, "dropped"));
    assertThat(plan.changesNoAsset()).isFalse();
  }

  @Test
  void anAssetOfAnotherKindWhereTheRemoteListsATableIsRemovedAndTheTableAdded() {
    RemoteSnapshot remote =
        remote(Map.of(A, Map.of()), List.of(), Map.of(A, Map.of("t", "s3://t/1")));
    Map<AssetKey, MirroredAsset> held =
        Map.of(key(A, "t"), new MirroredAsset(AssetKind.ICEBERG_VIEW, Optional.of("s3://t/1")));

    MirrorPlan plan = MirrorPlan.between(remote, Map.of(A, Map.of()), held);

    assertThat(plan.assetsToRemove()).containsExactly(key(A, "t"));
    assertThat(plan.tablesToAdd()).containsExactly(Map.entry(key(A, "t"), "s3://t/1"));
    assertThat(plan.tablesToUpdate()).isEmpty();
  }

  @Test
  void theAssetsOfARemovedNamespaceAreRemovedInKeyOrder() {
    RemoteSnapshot remote = remote(Map.of(), List.of(), Map.of());
    Map<AssetKey, MirroredAsset> held =
        Map.of(
            key(X, "b"), table("s3://b"),
            key(A, "z"), table("s3://z"),
            key(A, "a"), table("s3://a"));

    MirrorPlan plan = MirrorPlan.between(remote, Map.of(A, Map.of(), X, Map.of()), held);

    assertThat(plan.assetsToRemove())
        .containsExactly(key(A, "a"), key(A, "z"), key(X, "b"))
        .isSorted();
    assertThat(plan.namespacesToRemove()).containsExactlyInAnyOrder(A, X);
  }

  @Test
  void aMirrorThatMatchesTheRemoteChangesNothing() {
    RemoteSnapshot remote =
        remote(Map.of(AB, Map.of("p", "1")), List.of(A), Map.of(AB, Map.of("t", "s3://t/1")));

    MirrorPlan plan =
        MirrorPlan.between(
            remote,
            Map.of(A, Map.of(), AB, Map.of("p", "1")),
            Map.of(key(AB, "t"), table("s3://t/1")));

    assertThat(plan.changesNoAsset()).isTrue();
    assertThat(plan.namespacesToAdd()).isEmpty();
    assertThat(plan.namespacesToUpdate()).isEmpty();
    assertThat(plan.namespacesToRemove()).isEmpty();
  }

  @Test
  void aPlanThatChangesOnlyNamespacesChangesNoAsset() {
    RemoteSnapshot remote = remote(Map.of(A, Map.of("p", "2")), List.of(), Map.of());

    MirrorPlan plan =
        MirrorPlan.between(remote, Map.of(A, Map.of("p", "1"), X, Map.of()), Map.of());

    assertThat(plan.changesNoAsset()).isTrue();
    assertThat(plan.namespacesToUpdate()).hasSize(1);
    assertThat(plan.namespacesToRemove()).containsExactly(X);
  }

  @Test
  void theStatsOfAnAppliedPlanCountEachPart() {
    RemoteSnapshot remote =
        remote(
            Map.of(A, Map.of("p", "2"), X, Map.of()),
            List.of(),
            Map.of(A, Map.of("moved", "s3://m/2", "new", "s3://n/1")));
    MirrorPlan plan =
        MirrorPlan.between(
            remote,
            Map.of(A, Map.of("p", "1"), NamespacePath.of("gone"), Map.of()),
            Map.of(key(A, "moved"), table("s3://m/1"), key(A, "dropped"), table("s3://d/1")));
    Instant start = Instant.parse("2024-01-01T00:00:00Z");

    SyncStats stats = plan.succeeded("fed", start, start.plusSeconds(1));

    assertThat(stats)
        .isEqualTo(
            new SyncStats(
                "fed",
                start,
                start.plusSeconds(1),
                1,
                1,
                1,
                1,
                1,
                1,
                SyncStatus.SUCCEEDED,
                Optional.empty()));
  }
}
