package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.MergeConflictException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies the conflicts of {@code branches().merge} with strategy {@code FAIL} (DESIGN §2.7): a
 * key changed on both sides to different contents, or deleted on one side and changed on the other,
 * fails the whole merge with {@code MergeConflictException} listing every conflict with its base,
 * source and target contents, sorted by key, and changes nothing at all (no head moves, no asset of
 * any branch changes, not even the changes that did not conflict).
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MergeConflictContract extends VersionSuite {
  @Test
  void theSameAssetChangedOnBothSidesIsAConflictAndChangesNothing() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    pointer(main, "orders", 1, 3);
    CatalogState before = state();

    MergeConflictException e = mergeFails(dev, main);

    assertThat(e.conflicts())
        .containsExactly(
            new MergeConflict(
                key("orders"),
                Optional.of(tableContent("orders", 1)),
                Optional.of(tableContent("orders", 2)),
                Optional.of(tableContent("orders", 3))));
    assertUnchanged(before);
  }

  @Test
  void everyConflictIsReportedSortedByKey() {
    for (String name : new String[] {"zeta", "alpha", "mid"}) {
      table(main, name);
    }
    BranchRef dev = fork("dev");
    for (String name : new String[] {"zeta", "alpha", "mid"}) {
      pointer(dev, name, 1, 2);
      pointer(main, name, 1, 3);
    }

    MergeConflictException e = mergeFails(dev, main);

    assertThat(e.conflicts())
        .extracting(MergeConflict::key)
        .containsExactly(key("alpha"), key("mid"), key("zeta"));
  }

  @Test
  void aDeletionOnTheSourceOfAnAssetChangedOnTheTargetIsAConflict() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    drop(dev, "orders");
    pointer(main, "orders", 1, 2);
    CatalogState before = state();

    MergeConflictException e = mergeFails(dev, main);

    assertThat(e.conflicts())
        .containsExactly(
            new MergeConflict(
                key("orders"),
                Optional.of(tableContent("orders", 1)),
                Optional.empty(),
                Optional.of(tableContent("orders", 2))));
    assertUnchanged(before);
  }

  @Test
  void aChangeOnTheSourceOfAnAssetDeletedOnTheTargetIsAConflict() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    drop(main, "orders");
    CatalogState before = state();

    MergeConflictException e = mergeFails(dev, main);

    assertThat(e.conflicts())
        .containsExactly(
            new MergeConflict(
                key("orders"),
                Optional.of(tableContent("orders", 1)),
                Optional.of(tableContent("orders", 2)),
                Optional.empty()));
    assertUnchanged(before);
  }

  @Test
  void theSameAssetCreatedOnBothSidesWithDifferentContentsIsAConflict() {
    BranchRef dev = fork("dev");
    table(dev, "orders");
    table(main, "orders");
    pointer(main, "orders", 1, 2);
    CatalogState before = state();

    MergeConflictException e = mergeFails(dev, main);

    assertThat(e.conflicts())
        .containsExactly(
            new MergeConflict(
                key("orders"),
                Optional.empty(),
                Optional.of(tableContent("orders", 1)),
                Optional.of(tableContent("orders", 2))));
    assertUnchanged(before);
  }

  @Test
  void aPropertyOnlyChangeAgainstAPointerChangeIsAConflict() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    setProperty(dev, "orders", "owner", "ingest");
    pointer(main, "orders", 1, 2);
    CatalogState before = state();

    MergeConflictException e = mergeFails(dev, main);

    assertThat(e.conflicts())
        .containsExactly(
            new MergeConflict(
                key("orders"),
                Optional.of(tableContent("orders", 1)),
                Optional.of(tableContent("orders", 1, Map.of("owner", "ingest"))),
                Optional.of(tableContent("orders", 2))));
    assertUnchanged(before);
  }

  @Test
  void aChangeMadeAndUndoneOnOneSideIsNoConflict() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    setProperty(dev, "orders", "owner", "ingest");
    await(
        store()
            .assets()
            .updateProperties(tenant, at(dev, "orders"), PropertyUpdate.removing(Set.of("owner"))));
    table(dev, "items");
    pointer(main, "orders", 1, 2);

    assertThat(merge(dev, main).conflicts()).isEmpty();
    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("items"), tableContent("items", 1)));
  }
}
