package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.Race;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A commit for every change, under concurrent writers (bounded thread races, alternately on the
 * store and its peer): changes racing on one branch each append exactly one commit, and the
 * branch's history is one gapless first-parent chain holding all of them: no head is lost (two
 * commits on the same parent), none is written twice, and each key's operations follow on from each
 * other (each one's content before is the previous one's content after). A change that loses a race
 * writes no commit.
 *
 * <p>Each test works in a fresh tenant with catalog {@code lake} and namespace {@code sales}.
 */
public abstract class CommitPerChangeRacesContract extends HistorySuite {
  private static final String LAKE = "lake";
  private static final BranchRef MAIN = BranchRef.main(LAKE);
  private static final NamespaceRef SALES = NamespaceRef.of(LAKE, "sales");

  /** How many threads race. */
  private static final int WRITERS = 8;

  /** How many changes each writer makes: a create, then property updates. */
  private static final int CHANGES = 4;

  private TenantId tenant;

  @BeforeEach
  void createTenantWithCatalogAndNamespace() {
    tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    newNamespaces(tenant, LAKE, "sales");
  }

  @Test
  void concurrentChangesOnOneBranchEachAppendOneCommitToOneGaplessChain() {
    List<Commit> before = history(tenant, MAIN);

    List<List<Asset>> results =
        ConcurrentCalls.race(WRITERS, writer -> changes(storeOf(writer), MAIN, writer));

    assertOneChainOfAllChanges(MAIN, before, results);
  }

  @Test
  void concurrentChangesOnTwoBranchesEachAppendToTheirOwnBranchOnly() {
    BranchRef dev = new BranchRef(LAKE, "dev");
    branchFromMain(tenant, dev);
    List<Commit> mainBefore = history(tenant, MAIN);
    List<Commit> devBefore = history(tenant, dev);

    List<List<Asset>> results =
        ConcurrentCalls.race(
            WRITERS, writer -> changes(storeOf(writer), writer % 2 == 0 ? MAIN : dev, writer));

    List<List<Asset>> onMain = new ArrayList<>();
    List<List<Asset>> onDev = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      (writer % 2 == 0 ? onMain : onDev).add(results.get(writer));
    }
    assertOneChainOfAllChanges(MAIN, mainBefore, onMain);
    assertOneChainOfAllChanges(dev, devBefore, onDev);
  }

  @Test
  void ofConcurrentMetadataCommitsOnOneAssetOnlyTheWinnerAppendsACommit() {
    AssetRef orders = AssetRef.onMain(SALES, "orders");
    await(
        store().assets().create(tenant, orders, NewAsset.icebergTable("s3://o", "s3://o/1.json")));
    List<Commit> before = history(tenant, MAIN);

    List<Race.Outcome<Asset>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant,
                        orders,
                        MetadataCommit.replacing("s3://o/1.json", "s3://o/2-" + racer + ".json"),
                        CommitMeta.of("racer-" + racer, "commit of racer " + racer)));

    Race.Outcome<Asset> winner = Race.assertOneWinner(outcomes, ConflictException.class);
    List<Commit> after = history(tenant, MAIN);
    assertThat(after).as("the history after the race: one commit more").hasSize(before.size() + 1);
    assertThat(after.subList(1, after.size())).isEqualTo(before);
    assertThat(after.get(0).meta().author()).contains("racer-" + winner.racer());
    assertThat(operations(tenant, LAKE, after.get(0).id()))
        .singleElement()
        .satisfies(
            change ->
                assertThat(change.after().orElseThrow().metadataLocation())
                    .isEqualTo(winner.value().metadataLocation()));
  }

  /** Writer {@code writer}'s changes on {@code branch}: a create, then property updates. */
  private List<Asset> changes(CatalogStore store, BranchRef branch, int writer) {
    AssetRef own = new AssetRef(branch, SALES.path(), "t-" + writer);
    List<Asset> results = new ArrayList<>();
    results.add(await(store.assets().create(tenant, own, NewAsset.of(AssetKind.FILE))));
    for (int change = 1; change < CHANGES; change++) {
      results.add(
          await(
              store
                  .assets()
                  .updateProperties(
                      tenant,
                      own,
                      PropertyUpdate.setting("change", Integer.toString(change)),
                      CommitMeta.message("change " + change + " of writer " + writer))));
    }
    return results;
  }

  /**
   * The history of {@code branch} is {@code before} with one commit per change of {@code results}
   * on top, each with one operation, forming for each asset the sequence of its changes.
   */
  private void assertOneChainOfAllChanges(
      BranchRef branch, List<Commit> before, List<List<Asset>> results) {
    int changes = results.stream().mapToInt(List::size).sum();
    List<Commit> after = history(tenant, branch);
    assertThat(after)
        .as("the history of %s: one commit per change on top of what it had", branch)
        .hasSize(before.size() + changes);
    assertThat(after.subList(changes, after.size())).isEqualTo(before);
    assertThat(head(tenant, branch)).isEqualTo(after.get(0).id());

    Set<CommitId> ids = new HashSet<>();
    Map<AssetKey, List<AssetChange>> byKey = new HashMap<>();
    // Oldest first, so that each key's changes come in the order they were made.
    for (int i = changes - 1; i >= 0; i--) {
      Commit commit = after.get(i);
      assertThat(ids.add(commit.id())).as("commit %s listed once", commit.id()).isTrue();
      assertThat(commit.parents()).containsExactly(after.get(i + 1).id());
      List<AssetChange> operations = operations(tenant, LAKE, commit.id());
      assertThat(operations).as("the operations of %s", commit.id()).hasSize(1);
      byKey.computeIfAbsent(operations.get(0).key(), k -> new ArrayList<>()).add(operations.get(0));
    }
    assertThat(byKey).as("the keys changed").hasSize(results.size());
    for (List<Asset> written : results) {
      AssetKey key = key(written.get(0).ref());
      List<AssetChange> chain = byKey.get(key);
      assertThat(chain).as("the commits of %s", key).hasSize(written.size());
      assertThat(chain.get(0).before()).as("the first change of %s: its create", key).isEmpty();
      for (int i = 0; i < chain.size(); i++) {
        assertThat(chain.get(i).after())
            .as("change %d of %s", i, key)
            .contains(AssetContent.of(written.get(i)));
        if (i > 0) {
          assertThat(chain.get(i).before())
              .as("change %d of %s starts where change %d ended", i, key, i - 1)
              .isEqualTo(chain.get(i - 1).after());
        }
      }
    }
  }
}
