package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three-way merge of DESIGN §2.7, rule by rule, from the net changes of the source and the
 * target since their merge base. Most cases merge a full source branch, whose changes start from
 * what the target holds at each key only the source changed ({@link #fullBranchPlan}); the partial
 * branch cases say what the target holds.
 */
class MergePlannerTest {
  private static final AssetKey ORDERS = key("sales", "orders");
  private static final AssetKey ITEMS = key("sales", "items");
  private static final AssetKey USERS = key("crm", "users");
  private static final AssetContent V1 = table("v1");
  private static final AssetContent V2 = table("v2");
  private static final AssetContent V3 = table("v3");

  @Test
  void whenOnlyTheSourceChangedEverythingIsApplied() {
    Map<AssetKey, AssetChange> source =
        net(
            AssetChange.updated(ORDERS, V1, V2),
            AssetChange.created(ITEMS, V1),
            AssetChange.deleted(USERS, V1));

    MergePlan plan = fullBranchPlan(source, net(), MergeStrategy.FAIL);

    assertThat(plan.toApply())
        .containsExactly(
            AssetChange.deleted(USERS, V1),
            AssetChange.created(ITEMS, V1),
            AssetChange.updated(ORDERS, V1, V2));
    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.resolved()).isEmpty();
  }

  @Test
  void disjointChangesOnBothSidesApplyTheSourcesAndKeepTheTargets() {
    Map<AssetKey, AssetChange> source = net(AssetChange.updated(ORDERS, V1, V2));
    Map<AssetKey, AssetChange> target = net(AssetChange.updated(ITEMS, V1, V3));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.FAIL);

    assertThat(plan.toApply()).containsExactly(AssetChange.updated(ORDERS, V1, V2));
    assertThat(plan.conflicts()).isEmpty();
  }

  @Test
  void aChangeMadeOnlyOnTheTargetIsNeverReverted() {
    Map<AssetKey, AssetChange> target =
        net(AssetChange.updated(ORDERS, V1, V3), AssetChange.created(ITEMS, V1));

    MergePlan plan = fullBranchPlan(net(), target, MergeStrategy.SOURCE_WINS);

    assertThat(plan.toApply()).isEmpty();
    assertThat(plan.isNoOp()).isTrue();
  }

  @Test
  void theSameAssetChangedDifferentlyOnBothSidesIsAConflictWithAllThreeContents() {
    Map<AssetKey, AssetChange> source = net(AssetChange.updated(ORDERS, V1, V2));
    Map<AssetKey, AssetChange> target = net(AssetChange.updated(ORDERS, V1, V3));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.FAIL);

    assertThat(plan.conflicts())
        .containsExactly(
            new MergeConflict(ORDERS, Optional.of(V1), Optional.of(V2), Optional.of(V3)));
    assertThat(plan.toApply()).isEmpty();
    assertThat(plan.isNoOp()).isFalse();
  }

  @Test
  void theSameChangeOnBothSidesIsNeitherAppliedNorAConflict() {
    Map<AssetKey, AssetChange> source = net(AssetChange.updated(ORDERS, V1, V2));
    Map<AssetKey, AssetChange> target = net(AssetChange.updated(ORDERS, V1, V2));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.FAIL);

    assertThat(plan.isNoOp()).isTrue();
  }

  @Test
  void theSameDeletionOnBothSidesIsNeitherAppliedNorAConflict() {
    MergePlan plan =
        fullBranchPlan(
            net(AssetChange.deleted(ORDERS, V1)),
            net(AssetChange.deleted(ORDERS, V1)),
            MergeStrategy.FAIL);

    assertThat(plan.isNoOp()).isTrue();
  }

  @Test
  void aDeletionOnTheSourceAgainstAModificationOnTheTargetIsAConflict() {
    MergePlan plan =
        fullBranchPlan(
            net(AssetChange.deleted(ORDERS, V1)),
            net(AssetChange.updated(ORDERS, V1, V3)),
            MergeStrategy.FAIL);

    assertThat(plan.conflicts())
        .containsExactly(
            new MergeConflict(ORDERS, Optional.of(V1), Optional.empty(), Optional.of(V3)));
    assertThat(plan.toApply()).isEmpty();
  }

  @Test
  void aModificationOnTheSourceAgainstADeletionOnTheTargetIsAConflict() {
    MergePlan plan =
        fullBranchPlan(
            net(AssetChange.updated(ORDERS, V1, V2)),
            net(AssetChange.deleted(ORDERS, V1)),
            MergeStrategy.FAIL);

    assertThat(plan.conflicts())
        .containsExactly(
            new MergeConflict(ORDERS, Optional.of(V1), Optional.of(V2), Optional.empty()));
    assertThat(plan.toApply()).isEmpty();
  }

  @Test
  void aKeyCreatedOnBothSidesWithDifferentContentsIsAConflictWithNoBase() {
    MergePlan plan =
        fullBranchPlan(
            net(AssetChange.created(ORDERS, V2)),
            net(AssetChange.created(ORDERS, V3)),
            MergeStrategy.FAIL);

    assertThat(plan.conflicts())
        .containsExactly(
            new MergeConflict(ORDERS, Optional.empty(), Optional.of(V2), Optional.of(V3)));
  }

  @Test
  void aDeletionOnTheSourcePropagatesToTheTarget() {
    MergePlan plan =
        fullBranchPlan(net(AssetChange.deleted(ORDERS, V1)), net(), MergeStrategy.FAIL);

    assertThat(plan.toApply()).containsExactly(AssetChange.deleted(ORDERS, V1));
  }

  @Test
  void anAssetCreatedOnlyOnTheSourceIsCreatedOnTheTarget() {
    MergePlan plan = fullBranchPlan(net(AssetChange.created(ITEMS, V1)), net(), MergeStrategy.FAIL);

    assertThat(plan.toApply()).containsExactly(AssetChange.created(ITEMS, V1));
  }

  @Test
  void aKeyAPartialBranchNeverHadIsNotDeletedOnTheTarget() {
    // The partial branch copied only ORDERS: ITEMS is absent there but was never deleted, so it is
    // not in the branch's net changes, and the target's ITEMS (changed or not) stays.
    Map<AssetKey, AssetChange> partialSource = net(AssetChange.updated(ORDERS, V1, V2));
    Map<AssetKey, AssetChange> target = net(AssetChange.updated(ITEMS, V1, V3));

    MergePlan plan = fullBranchPlan(partialSource, target, MergeStrategy.SOURCE_WINS);

    assertThat(plan.toApply()).containsExactly(AssetChange.updated(ORDERS, V1, V2));
    assertThat(plan.toApply()).noneMatch(change -> change.key().equals(ITEMS));
  }

  @Test
  void mergingAgainWithNothingNewOnTheSourceIsANoOp() {
    // After a merge the base is the source's head, so the source has no net changes.
    Map<AssetKey, AssetChange> target = net(AssetChange.updated(ORDERS, V1, V2));

    for (MergeStrategy strategy : MergeStrategy.values()) {
      assertThat(fullBranchPlan(net(), target, strategy).isNoOp()).isTrue();
    }
  }

  @Test
  void failReportsEveryConflictAndAppliesNothingNotEvenTheChangesThatDoNotConflict() {
    Map<AssetKey, AssetChange> source =
        net(
            AssetChange.updated(ORDERS, V1, V2),
            AssetChange.updated(USERS, V1, V2),
            AssetChange.created(ITEMS, V1));
    Map<AssetKey, AssetChange> target =
        net(AssetChange.updated(ORDERS, V1, V3), AssetChange.deleted(USERS, V1));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.FAIL);

    assertThat(plan.toApply()).isEmpty();
    assertThat(plan.resolved()).isEmpty();
    assertThat(plan.conflicts())
        .containsExactly(
            new MergeConflict(USERS, Optional.of(V1), Optional.of(V2), Optional.empty()),
            new MergeConflict(ORDERS, Optional.of(V1), Optional.of(V2), Optional.of(V3)));
  }

  @Test
  void sourceWinsInstallsTheSourcesContentOverTheTargetsAndListsWhatItOverrode() {
    Map<AssetKey, AssetChange> source =
        net(
            AssetChange.updated(ORDERS, V1, V2),
            AssetChange.deleted(USERS, V1),
            AssetChange.created(ITEMS, V1));
    Map<AssetKey, AssetChange> target =
        net(AssetChange.updated(ORDERS, V1, V3), AssetChange.updated(USERS, V1, V3));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.SOURCE_WINS);

    assertThat(plan.toApply())
        .containsExactly(
            AssetChange.deleted(USERS, V3),
            AssetChange.created(ITEMS, V1),
            AssetChange.updated(ORDERS, V3, V2));
    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.resolved())
        .containsExactly(
            new MergeConflict(USERS, Optional.of(V1), Optional.empty(), Optional.of(V3)),
            new MergeConflict(ORDERS, Optional.of(V1), Optional.of(V2), Optional.of(V3)));
  }

  @Test
  void targetWinsKeepsTheTargetsContentAppliesTheRestAndListsWhatItLeftOut() {
    Map<AssetKey, AssetChange> source =
        net(AssetChange.updated(ORDERS, V1, V2), AssetChange.created(ITEMS, V1));
    Map<AssetKey, AssetChange> target = net(AssetChange.deleted(ORDERS, V1));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.TARGET_WINS);

    assertThat(plan.toApply()).containsExactly(AssetChange.created(ITEMS, V1));
    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.resolved())
        .containsExactly(
            new MergeConflict(ORDERS, Optional.of(V1), Optional.of(V2), Optional.empty()));
  }

  @Test
  void aPlanThatOnlyResolvedConflictsForTheTargetIsNotANoOp() {
    MergePlan plan =
        fullBranchPlan(
            net(AssetChange.updated(ORDERS, V1, V2)),
            net(AssetChange.updated(ORDERS, V1, V3)),
            MergeStrategy.TARGET_WINS);

    assertThat(plan.toApply()).isEmpty();
    assertThat(plan.isNoOp()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(MergeStrategy.class)
  void withoutConflictsEveryStrategyPlansTheSameMerge(MergeStrategy strategy) {
    Map<AssetKey, AssetChange> source =
        net(AssetChange.updated(ORDERS, V1, V2), AssetChange.updated(ITEMS, V1, V3));
    Map<AssetKey, AssetChange> target =
        net(AssetChange.updated(ITEMS, V1, V3), AssetChange.created(USERS, V1));

    MergePlan plan = fullBranchPlan(source, target, strategy);

    assertThat(plan)
        .isEqualTo(
            new MergePlan(List.of(AssetChange.updated(ORDERS, V1, V2)), List.of(), List.of()));
  }

  @Test
  void everyListIsSortedByKeyWhateverTheOrderOfTheMaps() {
    AssetKey[] keys = {
      key("b", "x"), key("a", "z"), key("a", "\uD83D\uDE00"), key("a", "\uFFFF"), key("a.b", "a")
    };
    Map<AssetKey, AssetChange> source =
        net(
            Arrays.stream(keys)
                .map(k -> AssetChange.updated(k, V1, V2))
                .toArray(AssetChange[]::new));
    Map<AssetKey, AssetChange> target =
        net(
            AssetChange.updated(keys[0], V1, V3),
            AssetChange.updated(keys[2], V1, V3),
            AssetChange.updated(keys[4], V1, V3));
    List<AssetKey> conflicting = List.of(keys[2], keys[4], keys[0]);
    List<AssetKey> all = List.of(keys[1], keys[3], keys[2], keys[4], keys[0]);

    MergePlan failed = fullBranchPlan(source, target, MergeStrategy.FAIL);
    MergePlan sourceWins = fullBranchPlan(source, target, MergeStrategy.SOURCE_WINS);

    assertThat(failed.conflicts()).extracting(MergeConflict::key).isEqualTo(conflicting);
    assertThat(sourceWins.resolved()).extracting(MergeConflict::key).isEqualTo(conflicting);
    assertThat(sourceWins.toApply()).extracting(AssetChange::key).isEqualTo(all);
  }

  @Test
  void aPropertyOnlyChangeAgainstAPointerChangeOfTheSameAssetIsAConflict() {
    AssetContent withOwner =
        new AssetContent(V1.kind(), V1.location(), V1.metadataLocation(), Map.of("owner", "ana"));
    Map<AssetKey, AssetChange> source = net(AssetChange.updated(ORDERS, V1, withOwner));
    Map<AssetKey, AssetChange> target = net(AssetChange.updated(ORDERS, V1, V2));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.FAIL);

    assertThat(plan.conflicts())
        .containsExactly(
            new MergeConflict(ORDERS, Optional.of(V1), Optional.of(withOwner), Optional.of(V2)));
  }

  @Test
  void aChangeBackOnEitherSideIsNoChange() {
    // Net changes never hold such a change, but a backend building its own map may.
    Map<AssetKey, AssetChange> source =
        net(AssetChange.updated(ORDERS, V1, V1), AssetChange.updated(ITEMS, V1, V2));
    Map<AssetKey, AssetChange> target = net(AssetChange.updated(ITEMS, V1, V1));

    MergePlan plan = fullBranchPlan(source, target, MergeStrategy.FAIL);

    assertThat(plan.toApply()).containsExactly(AssetChange.updated(ITEMS, V1, V2));
  }

  @Test
  void aChangeFiledUnderAnotherKeyIsAStoreDefect() {
    Map<AssetKey, AssetChange> misfiled = Map.of(ITEMS, AssetChange.updated(ORDERS, V1, V2));

    assertThatThrownBy(() -> fullBranchPlan(misfiled, net(), MergeStrategy.FAIL))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> fullBranchPlan(net(), misfiled, MergeStrategy.FAIL))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("target");
  }

  @Test
  void aPlanCannotBeModified() {
    MergePlan plan = fullBranchPlan(net(AssetChange.created(ITEMS, V1)), net(), MergeStrategy.FAIL);

    assertThatThrownBy(() -> plan.toApply().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @EnumSource(MergeStrategy.class)
  void aPartialBranchCreatingAKeyTheTargetHoldsUnchangedIsAConflictWithTheTargetsContent(
      MergeStrategy strategy) {
    // The partial branch never copied ORDERS, so to it ORDERS was absent and it created one; the
    // target still holds its V1 from before the base.
    Map<AssetKey, AssetChange> partialSource =
        net(AssetChange.created(ORDERS, V2), AssetChange.created(ITEMS, V1));
    Map<AssetKey, Optional<AssetContent>> targetHolds =
        Map.of(ORDERS, Optional.of(V1), ITEMS, Optional.empty());

    MergePlan plan = MergePlanner.plan(partialSource, net(), targetHolds::get, strategy);

    MergeConflict conflict =
        new MergeConflict(ORDERS, Optional.of(V1), Optional.of(V2), Optional.of(V1));
    switch (strategy) {
      case FAIL -> {
        assertThat(plan.conflicts()).containsExactly(conflict);
        assertThat(plan.toApply()).isEmpty();
        assertThat(plan.resolved()).isEmpty();
      }
      case SOURCE_WINS -> {
        // Installed over what the target holds now, so applying the plan finds what it expects.
        assertThat(plan.toApply())
            .containsExactly(AssetChange.created(ITEMS, V1), AssetChange.updated(ORDERS, V1, V2));
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.resolved()).containsExactly(conflict);
      }
      case TARGET_WINS -> {
        assertThat(plan.toApply()).containsExactly(AssetChange.created(ITEMS, V1));
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.resolved()).containsExactly(conflict);
      }
    }
    // Whatever the strategy, every change to apply starts from what the target holds now.
    assertThat(plan.toApply())
        .allSatisfy(change -> assertThat(change.before()).isEqualTo(targetHolds.get(change.key())));
  }

  @ParameterizedTest
  @EnumSource(MergeStrategy.class)
  void aPartialBranchChangeTheTargetAlreadyHoldsIsNothingToDo(MergeStrategy strategy) {
    // Created over a key the target holds with the same content, and deleted where the target has
    // nothing: the target already looks as the source wants it.
    Map<AssetKey, AssetChange> partialSource =
        net(AssetChange.created(ORDERS, V2), AssetChange.deleted(ITEMS, V1));
    Map<AssetKey, Optional<AssetContent>> targetHolds =
        Map.of(ORDERS, Optional.of(V2), ITEMS, Optional.empty());

    MergePlan plan = MergePlanner.plan(partialSource, net(), targetHolds::get, strategy);

    assertThat(plan.isNoOp()).isTrue();
  }

  @Test
  void aPartialBranchUpdatingAKeyTheTargetNoLongerHoldsAsItWasIsAConflict() {
    Map<AssetKey, AssetChange> partialSource = net(AssetChange.updated(ORDERS, V1, V2));

    MergePlan plan =
        MergePlanner.plan(partialSource, net(), k -> Optional.of(V3), MergeStrategy.SOURCE_WINS);

    assertThat(plan.toApply()).containsExactly(AssetChange.updated(ORDERS, V3, V2));
    assertThat(plan.resolved())
        .containsExactly(
            new MergeConflict(ORDERS, Optional.of(V3), Optional.of(V2), Optional.of(V3)));
  }

  @Test
  void theTargetsCurrentContentIsReadOnlyForKeysOnlyTheSourceChanged() {
    Map<AssetKey, AssetChange> source =
        net(
            AssetChange.updated(ORDERS, V1, V2),
            AssetChange.updated(ITEMS, V1, V2),
            AssetChange.updated(USERS, V1, V1));
    Map<AssetKey, AssetChange> target =
        net(AssetChange.updated(ITEMS, V1, V3), AssetChange.created(key("crm", "leads"), V1));
    List<AssetKey> read = new ArrayList<>();

    MergePlanner.plan(
        source,
        target,
        k -> {
          read.add(k);
          return source.get(k).before();
        },
        MergeStrategy.FAIL);

    assertThat(read).containsExactly(ORDERS);
  }

  /** The plan for a full source branch: the target holds its change's before at each such key. */
  private static MergePlan fullBranchPlan(
      Map<AssetKey, AssetChange> source,
      Map<AssetKey, AssetChange> target,
      MergeStrategy strategy) {
    return MergePlanner.plan(source, target, k -> source.get(k).before(), strategy);
  }

  private static Map<AssetKey, AssetChange> net(AssetChange... changes) {
    return Arrays.stream(changes).collect(Collectors.toMap(AssetChange::key, Function.identity()));
  }

  private static AssetKey key(String namespace, String name) {
    return new AssetKey(NamespacePath.of(namespace), name);
  }

  private static AssetContent table(String version) {
    return new AssetContent(
        AssetKind.ICEBERG_TABLE,
        Optional.of("s3://lake/t"),
        Optional.of("s3://lake/t/" + version + ".metadata.json"),
        Map.of());
  }
}
