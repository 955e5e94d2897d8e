package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.NetChanges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every change appends exactly one commit in the same locked step: concurrent writers on one branch
 * leave one commit each on a gapless first-parent chain whose generations count up one by one, and
 * each key's operations continue each other, so the chain folds without a gap.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommitPerChangeTest {
  private static final int WRITERS = 8;
  private static final int COMMITS_PER_WRITER = 250;

  private final Lake lake = new Lake();

  @Test
  void concurrentWritersLeaveOneCommitEachOnAGaplessChain() throws Exception {
    for (int w = 0; w < WRITERS; w++) {
      lake.create(Lake.MAIN, "t" + w);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      String name = "t" + w;
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                await(start);
                for (int v = 1; v <= COMMITS_PER_WRITER; v++) {
                  lake.commit(Lake.MAIN, name, v);
                }
              },
              pool));
    }
    start.countDown();
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);
    pool.shutdown();

    List<Commit> ancestry = lake.ancestry(CommitRef.head(Lake.MAIN), 97);
    int changes = WRITERS + WRITERS * COMMITS_PER_WRITER;
    assertThat(ancestry)
        .as("root, one commit per create and per metadata commit")
        .hasSize(changes + 1);
    CommitId head = lake.store.branches().get(lake.tenant, Lake.MAIN).join().orElseThrow().head();
    assertThat(ancestry.get(0).id()).isEqualTo(head);
    for (int i = 0; i < ancestry.size() - 1; i++) {
      assertThat(ancestry.get(i).parents()).containsExactly(ancestry.get(i + 1).id());
    }
    assertThat(ancestry.get(ancestry.size() - 1).parents()).isEmpty();
    lake.withLog(
        log -> {
          for (int i = 0; i < ancestry.size(); i++) {
            assertThat(log.generation(ancestry.get(i).id())).isEqualTo(ancestry.size() - 1L - i);
          }
          return null;
        });

    // Oldest first, every commit's single operation continues the key's previous one.
    List<AssetChange> operations = new ArrayList<>();
    List<Commit> oldestFirst = new ArrayList<>(ancestry);
    Collections.reverse(oldestFirst);
    for (Commit commit : oldestFirst.subList(1, oldestFirst.size())) {
      List<AssetChange> ops =
          lake.store
              .commits()
              .operations(lake.tenant, Lake.CATALOG, commit.id(), PageRequest.firstPage(10))
              .join()
              .items();
      assertThat(ops).hasSize(1);
      operations.addAll(ops);
    }
    Map<AssetKey, AssetChange> net = NetChanges.fold(operations);
    assertThat(net).hasSize(WRITERS);
    net.values()
        .forEach(
            change ->
                assertThat(change.after().orElseThrow().metadataLocation())
                    .contains(Lake.metadata(change.key().name(), COMMITS_PER_WRITER)));
  }

  @Test
  void aFailedChangeWritesNoCommitAndLeavesTheHead() {
    lake.create(Lake.MAIN, "orders");
    BranchRef main = Lake.MAIN;
    CommitId before = lake.store.branches().get(lake.tenant, main).join().orElseThrow().head();
    MetadataCommit stale = MetadataCommit.replacing("s3://stale.json", Lake.metadata("orders", 1));
    assertThatThrownBy(
            () ->
                lake.store
                    .assets()
                    .commitMetadataLocation(lake.tenant, Lake.table(main, "orders"), stale)
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ConflictException.class);
    assertThat(lake.store.branches().get(lake.tenant, main).join().orElseThrow().head())
        .isEqualTo(before);
    assertThat(lake.ancestry(CommitRef.head(main), 10)).hasSize(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
