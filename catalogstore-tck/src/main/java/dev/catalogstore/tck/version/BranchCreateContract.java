package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.tag.TagRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code branches().create}: a new branch starts at the commit its {@code from} names (a
 * branch's head, a tag or a commit id) without writing a commit, with a copy of the assets as they
 * are at that commit, each with a new id and a metadata history of one entry; a subset makes a
 * partial branch with only the named assets that exist there; the name must be free and {@code
 * from} must name the branch's own catalog.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class BranchCreateContract extends VersionSuite {
  @Test
  void aBranchFromAHeadStartsThereWithACopyOfItsAssetsUnderNewIds() {
    table(main, "orders");
    pointer(main, "orders", 1, 2);
    setProperty(main, "orders", "owner", "ops");
    table(main, "returns");
    CommitId mainHead = head(main);
    List<CommitId> history = ancestryIds(headOf(main));

    Branch dev = createBranch("dev", NewBranch.from(headOf(main)));

    assertThat(dev.ref()).isEqualTo(ref("dev"));
    assertThat(dev.head()).isEqualTo(mainHead);
    assertThat(dev.type()).isEqualTo(BranchType.INGEST);
    assertThat(dev.partial()).isFalse();
    assertThat(dev.updatedAt()).isEqualTo(dev.createdAt());
    assertThat(branch(dev.ref())).isEqualTo(dev);
    assertThat(contents(dev.ref())).isEqualTo(contents(main));
    Map<AssetKey, AssetId> mainIds = ids(main);
    ids(dev.ref())
        .forEach(
            (key, id) ->
                assertThat(id).as("the id of %s on dev", key).isNotEqualTo(mainIds.get(key)));
    assertThat(head(main)).as("no commit is written").isEqualTo(mainHead);
    assertThat(ancestryIds(headOf(main))).isEqualTo(history);
  }

  @Test
  void aCopyHasItsOwnTimesAndAMetadataHistoryOfItsCurrentLocation() {
    Asset orders = table(main, "orders");
    pointer(main, "orders", 1, 2);
    pointer(main, "orders", 2, 3);
    await(store().assets().create(tenant, at(main, "notes"), NewAsset.of(AssetKind.FILE)));

    BranchRef dev = fork("dev");

    Asset copy = read(dev, "orders");
    assertThat(copy.createdAt()).isEqualTo(copy.updatedAt()).isAfterOrEqualTo(orders.createdAt());
    assertThat(copy.ref()).isEqualTo(at(dev, "orders"));
    assertThat(historyLocations(dev, "orders")).containsExactly(v("orders", 3));
    assertThat(historyLocations(dev, "notes")).isEmpty();
  }

  @Test
  void changesOnABranchDoNotReachItsSourceNorTheOtherWay() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    Map<AssetKey, AssetContent> mainBefore = contents(main);

    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    table(main, "returns");

    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 1)),
            Map.entry(key("returns"), tableContent("returns", 1)));
    assertThat(mainBefore).containsOnlyKeys(key("orders"));
    assertThat(contents(dev))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("items"), tableContent("items", 1)));
  }

  @Test
  void aBranchFromATagHasTheAssetsOfTheTaggedCommit() {
    table(main, "orders");
    tag("v1", headOf(main));
    CommitId tagged = head(main);
    pointer(main, "orders", 1, 2);
    table(main, "returns");

    Branch dev = createBranch("dev", NewBranch.from(CommitRef.tag(new TagRef(CATALOG, "v1"))));

    assertThat(dev.head()).isEqualTo(tagged);
    assertThat(contents(dev.ref()))
        .containsOnly(Map.entry(key("orders"), tableContent("orders", 1)));
  }

  @Test
  void aBranchFromAnOlderCommitHasTheAssetsAsTheyWereThen() {
    table(main, "orders");
    table(main, "returns");
    CommitId c2 = head(main);
    pointer(main, "orders", 1, 2);
    CommitId c3 = head(main);
    drop(main, "returns");
    table(main, "items");
    setProperty(main, "orders", "owner", "ops");

    Branch atC2 = createBranch("at-c2", NewBranch.from(byId(c2)));
    Branch atC3 = createBranch("at-c3", NewBranch.from(byId(c3)));

    assertThat(atC2.head()).isEqualTo(c2);
    assertThat(contents(atC2.ref()))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 1)),
            Map.entry(key("returns"), tableContent("returns", 1)));
    assertThat(contents(atC3.ref()))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("returns"), tableContent("returns", 1)));
  }

  @Test
  void aBranchFromTheRootCommitIsEmpty() {
    CommitId root = head(main);
    table(main, "orders");

    Branch fresh = createBranch("fresh", NewBranch.from(byId(root)));

    assertThat(fresh.head()).isEqualTo(root);
    assertThat(contents(fresh.ref())).isEmpty();
  }

  @Test
  void aBranchFromAnotherBranchsHeadByIdCopiesThatBranch() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    table(main, "returns");

    Branch copy = createBranch("copy", NewBranch.from(byId(head(dev))));

    assertThat(contents(copy.ref())).isEqualTo(contents(dev));
  }

  @Test
  void aBranchFromACommitReachedThroughAMergeHasTheAssetsOfThatCommit() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    CommitId d1 = head(dev);
    table(dev, "items");
    table(main, "returns");
    merge(dev, main);
    drop(dev, "orders");
    pointer(main, "returns", 1, 2);

    Branch atD1 = createBranch("at-d1", NewBranch.from(byId(d1)));

    assertThat(contents(atD1.ref()))
        .containsOnly(Map.entry(key("orders"), tableContent("orders", 2)));
  }

  @Test
  void aBranchFromACommitOnlyADeletedBranchReachedHasTheAssetsOfThatCommit() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    table(dev, "items");
    pointer(dev, "items", 1, 2);
    drop(dev, "orders");
    tag("experiment", headOf(dev));
    pointer(dev, "items", 2, 3);
    await(store().branches().delete(tenant, dev));
    pointer(main, "orders", 1, 2);
    table(main, "returns");

    Branch revived =
        createBranch("revived", NewBranch.from(CommitRef.tag(new TagRef(CATALOG, "experiment"))));

    assertThat(contents(revived.ref()))
        .containsOnly(Map.entry(key("items"), tableContent("items", 2)));
  }

  @Test
  void aSubsetMakesAPartialBranchWithOnlyTheNamedAssetsThatExist() {
    table(main, "orders");
    table(main, "returns");
    table(main, "items");

    Branch dev =
        createBranch(
            "dev",
            NewBranch.partial(
                headOf(main), BranchType.INGEST, Set.of(key("orders"), key("items"), key("nope"))));

    assertThat(dev.partial()).isTrue();
    assertThat(dev.head()).isEqualTo(head(main));
    assertThat(contents(dev.ref()))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 1)),
            Map.entry(key("items"), tableContent("items", 1)));
  }

  @Test
  void aBranchFromAPartialBranchIsPartialToo() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = forkPartial("dev", "orders");

    Branch copy = createBranch("copy", NewBranch.from(headOf(dev)));

    assertThat(copy.partial()).isTrue();
    assertThat(contents(copy.ref())).containsOnlyKeys(key("orders"));
  }

  @Test
  void anExperimentalBranchIsCreatedAsAsked() {
    table(main, "orders");

    Branch lab = createBranch("lab", NewBranch.from(headOf(main), BranchType.EXPERIMENTAL));

    assertThat(lab.type()).isEqualTo(BranchType.EXPERIMENTAL);
    assertThat(branch(lab.ref()).type()).isEqualTo(BranchType.EXPERIMENTAL);
    assertThat(contents(lab.ref())).isEqualTo(contents(main));
  }

  @Test
  void aTakenNameIsRefusedAndChangesNothing() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    CatalogState before = state();

    assertFails(
        AlreadyExistsException.class,
        () -> store().branches().create(tenant, dev, NewBranch.from(headOf(main))));
    assertFails(
        AlreadyExistsException.class,
        () -> store().branches().create(tenant, main, NewBranch.from(headOf(dev))));

    assertUnchanged(before);
  }

  @Test
  void fromMustNameTheBranchsOwnCatalog() {
    newLocalCatalog(tenant, "other");
    BranchRef otherMain = BranchRef.main("other");
    CommitId otherRoot = head(otherMain);
    CatalogState before = state();

    for (NewBranch request :
        List.of(
            NewBranch.from(CommitRef.head(otherMain)),
            NewBranch.from(CommitRef.id("other", otherRoot)),
            NewBranch.from(CommitRef.tag(new TagRef("other", "v1"))))) {
      assertInvalid(
          "request.from.catalog", () -> store().branches().create(tenant, ref("dev"), request));
    }

    assertUnchanged(before);
    assertThat(await(store().branches().get(tenant, ref("dev")))).isEqualTo(Optional.empty());
  }
}
