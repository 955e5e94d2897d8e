package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a merge plan promises whoever built it: sorted, unmodifiable, nothing to apply on conflict.
 */
class MergePlanTest {
  private static final AssetKey A = new AssetKey(NamespacePath.of("a"), "t");
  private static final AssetKey B = new AssetKey(NamespacePath.of("b"), "t");
  private static final AssetKey C = new AssetKey(NamespacePath.of("c"), "t");
  private static final AssetContent V1 = table("v1");
  private static final AssetContent V2 = table("v2");

  @Test
  void everyListIsSortedByKey() {
    MergePlan plan =
        new MergePlan(
            List.of(AssetChange.created(C, V1), AssetChange.created(A, V1)),
            List.of(),
            List.of(conflict(B), conflict(A)));
    MergePlan failed = new MergePlan(List.of(), List.of(conflict(C), conflict(A)), List.of());

    assertThat(plan.toApply()).extracting(AssetChange::key).containsExactly(A, C);
    assertThat(plan.resolved()).extracting(MergeConflict::key).containsExactly(A, B);
    assertThat(failed.conflicts()).extracting(MergeConflict::key).containsExactly(A, C);
  }

  @Test
  void theListsAreUnmodifiableCopies() {
    List<AssetChange> toApply = new ArrayList<>(List.of(AssetChange.created(A, V1)));
    MergePlan plan = new MergePlan(toApply, List.of(), List.of());

    toApply.add(AssetChange.created(B, V1));

    assertThat(plan.toApply()).containsExactly(AssetChange.created(A, V1));
    assertThatThrownBy(() -> plan.toApply().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> plan.conflicts().add(conflict(A)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> plan.resolved().add(conflict(A)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aPlanWithConflictsCannotApplyAnything() {
    assertThatThrownBy(
            () ->
                new MergePlan(List.of(AssetChange.created(B, V1)), List.of(conflict(A)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(A.toString());
  }

  @Test
  void resolvedConflictsMayComeWithChangesToApply() {
    MergePlan plan =
        new MergePlan(List.of(AssetChange.updated(A, V2, V1)), List.of(), List.of(conflict(A)));

    assertThat(plan.isNoOp()).isFalse();
  }

  private static MergeConflict conflict(AssetKey key) {
    return new MergeConflict(key, Optional.of(V1), Optional.of(V1), Optional.of(V2));
  }

  private static AssetContent table(String version) {
    return new AssetContent(
        AssetKind.ICEBERG_TABLE,
        Optional.of("s3://lake/t"),
        Optional.of("s3://lake/t/" + version + ".metadata.json"),
        Map.of());
  }
}
