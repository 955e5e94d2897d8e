package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.ConcurrentCalls.Outcome;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.Race;
import dev.catalogstore.tck.TckSuite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of the metadata pointer (DESIGN §2.6): {@code assets().commitMetadataLocation} is an
 * atomic compare-and-set on an asset's current metadata location, that tells a missing asset
 * ({@code NotFoundException}) apart from a lost race ({@code ConflictException} carrying the stored
 * location); of N writers holding the same expected location exactly one wins, also across two
 * store instances over the same data; and every committed location is kept in the asset's history,
 * newest first, as one gapless chain.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}. Races use fixed numbers of threads and commits, half through {@link #store()} and half
 * through {@link #peerStore()}: {@link Race} when each racer makes one call, {@link
 * ConcurrentCalls} when each runs a whole workload.
 */
public abstract class MetadataPointerContract extends TckSuite {
  private static final String CATALOG = "lake";

  /** Writers, and commits each must land, in the retrying race. */
  private static final int RETRYING_WRITERS = 8;

  private static final int COMMITS_PER_WRITER = 5;

  private TenantId tenant;
  private NamespaceRef sales;

  @BeforeEach
  void createTenantWithCatalogAndNamespace() {
    tenant = newTenant();
    newLocalCatalog(tenant, CATALOG);
    sales = newNamespaces(tenant, CATALOG, "sales");
  }

  // ---------------------------------------------------------------------------------------------
  // The compare-and-set

  @Test
  void theFirstCommitExpectsNoLocation() {
    AssetRef orders = tableWithoutMetadata("orders");

    Asset committed =
        await(store().assets().commitMetadataLocation(tenant, orders, MetadataCommit.first(v(1))));

    assertThat(committed.metadataLocation()).contains(v(1));
    assertThat(get(orders)).contains(committed);
    assertThat(history(orders))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isEqualTo(1);
              assertThat(entry.location()).isEqualTo(v(1));
              assertThat(entry.previousLocation()).isEmpty();
            });
  }

  @Test
  void eachCommitReplacesTheLocationItExpects() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset created = get(orders).orElseThrow();

    Asset second =
        await(
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));
    Asset third =
        await(
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(2), v(3))));

    assertThat(second.metadataLocation()).contains(v(2));
    assertThat(third.metadataLocation()).contains(v(3));
    for (Asset committed : List.of(second, third)) {
      assertThat(committed.id()).isEqualTo(created.id());
      assertThat(committed.ref()).isEqualTo(orders);
      assertThat(committed.kind()).isEqualTo(created.kind());
      assertThat(committed.location()).isEqualTo(created.location());
      assertThat(committed.properties()).isEqualTo(created.properties());
      assertThat(committed.createdAt()).isEqualTo(created.createdAt());
    }
    assertThat(second.updatedAt()).isAfterOrEqualTo(created.updatedAt());
    assertThat(third.updatedAt()).isAfterOrEqualTo(second.updatedAt());
    assertThat(get(orders)).contains(third);
  }

  @Test
  void aStaleExpectedLocationIsAConflictCarryingTheStoredLocationAndChangesNothing() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));
    Asset before = get(orders).orElseThrow();
    List<MetadataLocation> historyBefore = history(orders);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(3))));

    assertThat(conflict.currentValue()).contains(v(2));
    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).isEqualTo(historyBefore);
  }

  @Test
  void expectingALocationWhereNoneIsStoredIsAConflictWithoutACurrentValue() {
    AssetRef orders = tableWithoutMetadata("orders");
    Asset before = get(orders).orElseThrow();

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));

    assertThat(conflict.currentValue()).isEmpty();
    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).isEmpty();
  }

  @Test
  void expectingNoLocationWhereOneIsStoredIsAConflict() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset before = get(orders).orElseThrow();

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(tenant, orders, MetadataCommit.first(v(2))));

    assertThat(conflict.currentValue()).contains(v(1));
    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).hasSize(1);
  }

  @Test
  void aCommitToAMissingAssetIsNotFoundNeverAConflict() {
    AssetRef deleted = tableWithMetadata("deleted", v(1));
    await(store().assets().delete(tenant, deleted));
    List<AssetRef> missing =
        List.of(
            assetOnMain(sales, "never-existed"),
            deleted,
            AssetRef.onMain(CATALOG, path("no-such-namespace"), "orders"),
            AssetRef.onMain("no-such-catalog", sales.path(), "orders"),
            new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "orders"));

    for (AssetRef ref : missing) {
      assertFails(
          NotFoundException.class,
          () -> store().assets().commitMetadataLocation(tenant, ref, MetadataCommit.first(v(2))));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .assets()
                  .commitMetadataLocation(tenant, ref, MetadataCommit.replacing(v(1), v(2))));
    }

    assertThat(get(deleted)).as("a failed commit does not create the asset").isEmpty();
  }

  @Test
  void aCommitRejectsBadInputNamingTheFieldAndChangesNothing() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset before = get(orders).orElseThrow();
    MetadataCommit good = MetadataCommit.replacing(v(1), v(2));

    assertInvalid("tenant", () -> store().assets().commitMetadataLocation(null, orders, good));
    assertInvalid("asset", () -> store().assets().commitMetadataLocation(tenant, null, good));
    assertInvalid(
        "asset.namespace",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders.inNamespace(NamespacePath.ROOT), good));
    assertInvalid(
        "asset.name",
        () ->
            store().assets().commitMetadataLocation(tenant, orders.withName("or\u0000ders"), good));
    assertInvalid("commit", () -> store().assets().commitMetadataLocation(tenant, orders, null));
    assertInvalid(
        "commit.next",
        () -> store().assets().commitMetadataLocation(tenant, orders, MetadataCommit.first(null)));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), " ")));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, MetadataCommit.replacing(v(1), v(2) + "\u0007")));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, MetadataCommit.replacing(v(1), "s3://" + "x".repeat(4096))));
    assertInvalid(
        "commit.expected",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing("", v(2))));
    assertInvalid(
        "commit.expected",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, MetadataCommit.replacing(v(1) + "\u0000", v(2))));

    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).hasSize(1);
  }

  /**
   * Swapping a location for itself would let every concurrent writer holding it "win", each
   * appending a history entry, so the exactly-one-winner rule requires {@code next} to differ.
   */
  @Test
  void aCommitWhoseNextIsItsExpectedLocationIsInvalidAndChangesNothing() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset before = get(orders).orElseThrow();

    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(1))));

    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------
  // History

  @Test
  void theHistoryListsEveryCommitNewestFirstAsOneGaplessChain() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    for (int n = 2; n <= 5; n++) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(n - 1), v(n))));
    }

    List<MetadataLocation> history = history(orders);

    assertThat(history).extracting(MetadataLocation::sequence).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(history)
        .extracting(MetadataLocation::location)
        .containsExactly(v(5), v(4), v(3), v(2), v(1));
    assertThat(history)
        .extracting(MetadataLocation::previousLocation)
        .containsExactly(
            Optional.of(v(4)),
            Optional.of(v(3)),
            Optional.of(v(2)),
            Optional.of(v(1)),
            Optional.empty());
    assertThat(history).allSatisfy(entry -> assertThat(entry.committedAt()).isNotNull());
  }

  @Test
  void theHistoryIsPagedNewestFirst() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    for (int n = 2; n <= 5; n++) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(n - 1), v(n))));
    }

    Page<MetadataLocation> first = historyPage(orders, PageRequest.firstPage(2));
    Page<MetadataLocation> second = historyPage(orders, first.nextPage(2).orElseThrow());
    Page<MetadataLocation> third = historyPage(orders, second.nextPage(2).orElseThrow());

    assertThat(first.items()).extracting(MetadataLocation::sequence).containsExactly(5L, 4L);
    assertThat(second.items()).extracting(MetadataLocation::sequence).containsExactly(3L, 2L);
    assertThat(third.items()).extracting(MetadataLocation::sequence).containsExactly(1L);
    assertThat(third.nextPageToken()).as("no token after the oldest entry").isEmpty();
  }

  @Test
  void theHistoryRefusesAPageTokenOfAnotherAssetOrTenant() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    AssetRef returns = tableWithMetadata("returns", v(1));
    for (AssetRef ref : List.of(orders, returns)) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, ref, MetadataCommit.replacing(v(1), v(2))));
    }
    TenantId twin = newTenant();
    newLocalCatalog(twin, CATALOG);
    newNamespaces(twin, CATALOG, "sales");
    await(store().assets().create(twin, orders, NewAsset.icebergTable("s3://twin/orders", v(1))));
    await(
        store()
            .assets()
            .commitMetadataLocation(twin, orders, MetadataCommit.replacing(v(1), v(2))));
    String token = historyPage(orders, PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    assertInvalid(
        "page.pageToken",
        () -> store().assets().history(tenant, returns, PageRequest.nextPage(token, 1)));
    assertInvalid(
        "page.pageToken",
        () -> store().assets().history(twin, orders, PageRequest.nextPage(token, 1)));
  }

  @Test
  void theHistoryOfAMissingAssetIsNotFound() {
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .history(tenant, assetOnMain(sales, "no-such-asset"), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .history(
                    tenant,
                    AssetRef.onMain("no-such-catalog", sales.path(), "orders"),
                    PageRequest.firstPage()));
  }

  @Test
  void theHistoryRejectsBadInputNamingTheField() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    PageRequest page = PageRequest.firstPage();

    assertInvalid("tenant", () -> store().assets().history(null, orders, page));
    assertInvalid("asset", () -> store().assets().history(tenant, null, page));
    assertInvalid(
        "asset.namespace[0]",
        () -> store().assets().history(tenant, orders.inNamespace(path(" ")), page));
    assertInvalid(
        "asset.name", () -> store().assets().history(tenant, orders.withName(null), page));
    assertInvalid("page", () -> store().assets().history(tenant, orders, null));
    assertInvalid(
        "page.limit", () -> store().assets().history(tenant, orders, PageRequest.firstPage(0)));
    assertInvalid(
        "page.pageToken",
        () -> store().assets().history(tenant, orders, PageRequest.nextPage("%%%", 10)));
  }

  @Test
  void theHistoryFollowsTheAssetThroughARenameAndContinuesItsSequence() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive");
    AssetRef orders = tableWithMetadata("orders", v(1));
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));
    AssetRef archived = assetOnMain(archive, "orders-2023");
    await(store().assets().rename(tenant, orders, archived));

    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, archived, MetadataCommit.replacing(v(2), v(3))));

    List<MetadataLocation> history = history(archived);
    assertThat(history)
        .extracting(MetadataLocation::sequence, MetadataLocation::location)
        .containsExactly(tuple(3L, v(3)), tuple(2L, v(2)), tuple(1L, v(1)));
    assertOneChain(history);
  }

  @Test
  void eachAssetsHistoryIsItsOwnGaplessChainWhileOtherAssetsCommitInBetween() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    AssetRef returns = tableWithMetadata("returns", "s3://lake/sales/returns/1.json");
    TenantId other = newTenant();
    newLocalCatalog(other, CATALOG);
    newNamespaces(other, CATALOG, "sales");
    await(store().assets().create(other, orders, NewAsset.icebergTable("s3://o/orders", v(1))));
    for (int n = 2; n <= 4; n++) {
      await(
          store()
              .assets()
              .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(n - 1), v(n))));
      await(
          store()
              .assets()
              .commitMetadataLocation(
                  tenant,
                  returns,
                  MetadataCommit.replacing(
                      "s3://lake/sales/returns/" + (n - 1) + ".json",
                      "s3://lake/sales/returns/" + n + ".json")));
      await(
          store()
              .assets()
              .commitMetadataLocation(other, orders, MetadataCommit.replacing(v(n - 1), v(n))));
    }

    List<MetadataLocation> ordersHistory = history(orders);
    List<MetadataLocation> returnsHistory = history(returns);

    assertOneChain(ordersHistory);
    assertOneChain(returnsHistory);
    assertThat(ordersHistory)
        .extracting(MetadataLocation::location)
        .containsExactly(v(4), v(3), v(2), v(1));
    assertThat(returnsHistory)
        .extracting(MetadataLocation::sequence)
        .containsExactly(4L, 3L, 2L, 1L);
    assertOneChain(PagedReads.all(page -> store().assets().history(other, orders, page)));
  }

  @Test
  void theHistoryOfAnAssetCreatedWithoutMetadataStartsAtOneWithItsFirstCommit() {
    AssetRef orders = tableWithoutMetadata("orders");
    tableWithMetadata("returns", v(1));
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, assetOnMain(sales, "returns"), MetadataCommit.replacing(v(1), v(2))));

    await(store().assets().commitMetadataLocation(tenant, orders, MetadataCommit.first(v(7))));
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(7), v(8))));

    List<MetadataLocation> history = history(orders);
    assertThat(history)
        .extracting(
            MetadataLocation::sequence,
            MetadataLocation::location,
            MetadataLocation::previousLocation)
        .containsExactly(tuple(2L, v(8), Optional.of(v(7))), tuple(1L, v(7), Optional.empty()));
  }

  // ---------------------------------------------------------------------------------------------
  // Concurrent writers: deterministic interleavings

  @Test
  void aWriterWhoseExpectedLocationWasReplacedConflictsAndLandsOnRetry() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    String seenByA =
        await(store().assets().get(tenant, orders)).orElseThrow().metadataLocation().orElseThrow();
    String seenByB =
        await(peerStore().assets().get(tenant, orders))
            .orElseThrow()
            .metadataLocation()
            .orElseThrow();

    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, orders, MetadataCommit.replacing(seenByA, "s3://writer-a/2.json")));
    ConflictException lost =
        assertFails(
            ConflictException.class,
            () ->
                peerStore()
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.replacing(seenByB, "s3://writer-b/2.json")));
    assertThat(lost.currentValue()).contains("s3://writer-a/2.json");
    Asset retried =
        await(
            peerStore()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.replacing(
                        lost.currentValue().orElseThrow(), "s3://writer-b/2.json")));

    assertThat(retried.metadataLocation()).contains("s3://writer-b/2.json");
    assertThat(await(store().assets().get(tenant, orders))).contains(retried);
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .containsExactly("s3://writer-b/2.json", "s3://writer-a/2.json", v(1));
    assertOneChain(history(orders));
  }

  @Test
  void ofTwoWritersCommittingAFirstLocationTheSecondConflictsWithTheFirstsLocation() {
    AssetRef orders = tableWithoutMetadata("orders");

    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.first("s3://writer-a/1.json")));
    ConflictException lost =
        assertFails(
            ConflictException.class,
            () ->
                peerStore()
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.first("s3://writer-b/1.json")));

    assertThat(lost.currentValue()).contains("s3://writer-a/1.json");
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .containsExactly("s3://writer-a/1.json");
  }

  // ---------------------------------------------------------------------------------------------
  // Concurrent writers: bounded races

  @Test
  void ofConcurrentCommitsWithTheSameExpectedLocationExactlyOneWins() {
    AssetRef orders = tableWithMetadata("orders", v(1));

    List<Race.Outcome<Asset>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.replacing(v(1), racerLocation(racer, 0))));

    assertExactlyOneWon(orders, outcomes, Optional.of(v(1)));
  }

  @Test
  void ofConcurrentFirstCommitsExactlyOneWins() {
    AssetRef orders = tableWithoutMetadata("orders");

    List<Race.Outcome<Asset>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.first(racerLocation(racer, 0))));

    assertExactlyOneWon(orders, outcomes, Optional.empty());
  }

  @Test
  void writersRetryingOnConflictLandEveryCommitInOneChain() {
    AssetRef orders = tableWithoutMetadata("orders");
    // A writer's commit fails only after another commit landed since it last looked, so no
    // writer needs more attempts than its own commits plus all commits of the race.
    int maxAttempts = COMMITS_PER_WRITER + RETRYING_WRITERS * COMMITS_PER_WRITER;

    List<List<String>> landed =
        ConcurrentCalls.race(
            RETRYING_WRITERS,
            writer -> {
              CatalogStore store = storeOf(writer);
              List<String> mine = new ArrayList<>();
              Optional<String> current = Optional.empty();
              for (int attempt = 1; mine.size() < COMMITS_PER_WRITER; attempt++) {
                assertThat(attempt)
                    .as("attempts of writer %d", writer)
                    .isLessThanOrEqualTo(maxAttempts);
                String next = racerLocation(writer, mine.size());
                MetadataCommit commit =
                    current.isEmpty()
                        ? MetadataCommit.first(next)
                        : MetadataCommit.replacing(current.get(), next);
                Outcome<Asset> outcome =
                    Outcome.of(() -> store.assets().commitMetadataLocation(tenant, orders, commit));
                Optional<ConflictException> conflict = outcome.failure(ConflictException.class);
                if (conflict.isPresent()) {
                  assertThat(conflict.get().currentValue())
                      .as(
                          "a conflict reports the location that won, not the one the writer expected")
                      .isNotEqualTo(current);
                  current = conflict.get().currentValue();
                } else {
                  mine.add(next);
                  current = Optional.of(next);
                }
              }
              return mine;
            });

    List<MetadataLocation> history = history(orders);
    int total = RETRYING_WRITERS * COMMITS_PER_WRITER;
    assertThat(history).as("one entry per landed commit").hasSize(total);
    assertOneChain(history);
    assertThat(history)
        .extracting(MetadataLocation::location)
        .containsExactlyInAnyOrderElementsOf(flatten(landed));
    List<String> oldestFirst =
        new ArrayList<>(history.stream().map(MetadataLocation::location).toList());
    Collections.reverse(oldestFirst);
    for (List<String> writerCommits : landed) {
      assertThat(oldestFirst.stream().filter(writerCommits::contains).toList())
          .as("a writer's commits in the order it landed them")
          .isEqualTo(writerCommits);
    }
    assertThat(get(orders).orElseThrow().metadataLocation()).contains(history.get(0).location());
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The {@code n}th metadata file of the sample table. */
  private static String v(int n) {
    return "s3://lake/sales/orders/metadata/" + n + ".metadata.json";
  }

  private static String racerLocation(int racer, int commit) {
    return "s3://lake/sales/orders/metadata/writer-" + racer + "-commit-" + commit + ".json";
  }

  /** Racers alternate between the store and its peer, as writers on two nodes would. */
  private CatalogStore storeOf(int racer) {
    return racer % 2 == 0 ? store() : peerStore();
  }

  private AssetRef tableWithoutMetadata(String name) {
    AssetRef ref = assetOnMain(sales, name);
    await(store().assets().create(tenant, ref, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    return ref;
  }

  private AssetRef tableWithMetadata(String name, String metadataLocation) {
    AssetRef ref = assetOnMain(sales, name);
    await(
        store()
            .assets()
            .create(
                tenant, ref, NewAsset.icebergTable("s3://lake/sales/" + name, metadataLocation)));
    return ref;
  }

  private Optional<Asset> get(AssetRef ref) {
    return await(store().assets().get(tenant, ref));
  }

  private List<MetadataLocation> history(AssetRef ref) {
    return PagedReads.all(page -> store().assets().history(tenant, ref, page));
  }

  private Page<MetadataLocation> historyPage(AssetRef ref, PageRequest page) {
    return await(store().assets().history(tenant, ref, page));
  }

  /**
   * Asserts that exactly one racer won, every other lost with a conflict naming the winner's
   * location, and the history holds the winner's commit once, right after {@code expected}.
   */
  private void assertExactlyOneWon(
      AssetRef ref, List<Race.Outcome<Asset>> outcomes, Optional<String> expected) {
    String won =
        Race.assertOneWinner(outcomes, ConflictException.class)
            .value()
            .metadataLocation()
            .orElseThrow();
    assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Race.Outcome::failure))
        .as("every loser's conflict names the location that won")
        .map(ConflictException.class::cast)
        .allSatisfy(conflict -> assertThat(conflict.currentValue()).contains(won));
    assertThat(get(ref).orElseThrow().metadataLocation()).contains(won);

    List<MetadataLocation> history = history(ref);
    assertThat(history)
        .extracting(MetadataLocation::location)
        .containsExactlyElementsOf(expected.map(e -> List.of(won, e)).orElse(List.of(won)));
    assertOneChain(history);
  }

  /**
   * Asserts that a history, newest first, is one linear chain: sequences n..1 without gaps, each
   * entry's previous location the location of the entry before it, the first without one.
   */
  private static void assertOneChain(List<MetadataLocation> newestFirst) {
    int size = newestFirst.size();
    assertThat(newestFirst)
        .extracting(MetadataLocation::sequence)
        .containsExactlyElementsOf(
            IntStream.iterate(size, n -> n >= 1, n -> n - 1).mapToObj(n -> (long) n).toList());
    for (int i = 0; i < size - 1; i++) {
      assertThat(newestFirst.get(i).previousLocation())
          .as("the location entry %d replaced", newestFirst.get(i).sequence())
          .contains(newestFirst.get(i + 1).location());
    }
    if (size > 0) {
      assertThat(newestFirst.get(size - 1).previousLocation()).as("before entry 1").isEmpty();
    }
  }

  private static <T> List<T> flatten(Collection<List<T>> lists) {
    return lists.stream().flatMap(List::stream).toList();
  }
}
