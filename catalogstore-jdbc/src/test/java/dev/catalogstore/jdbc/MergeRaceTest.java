package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Merges racing commits onto their target never lose one: while one thread keeps committing to an
 * asset of main and another to a different asset through single changes, a third keeps changing dev
 * and merging it into main. Afterwards every commit that succeeded is in main's content, and main's
 * first-parent history, folded from the root, describes exactly main's assets.
 */
class MergeRaceTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("mergerace");
  private static final int ROUNDS = 25;
  private static final long HANG_GUARD_SECONDS = 120;

  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).maximumPoolSize(6).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void aCommitRacingAMergeOntoItsTargetIsNeverLost() throws Exception {
    TenantId tenant =
        store.tenants().create(NewTenant.named("race-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    NamespaceRef ns = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, ns, Map.of()).join();
    BranchRef main = BranchRef.main("cat");
    BranchRef dev = new BranchRef("cat", "dev");
    AssetRef hot = AssetRef.onMain(ns, "hot");
    AssetRef warm = AssetRef.onMain(ns, "warm");
    store.assets().create(tenant, hot, NewAsset.icebergTable("s3://hot", "hot-0")).join();
    store.assets().create(tenant, warm, NewAsset.icebergTable("s3://warm", "warm-0")).join();
    store.branches().create(tenant, dev, NewBranch.from(CommitRef.head(main))).join();

    ExecutorService threads = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Future<?> hotCommits = threads.submit(() -> commitInTurn(tenant, hot, "hot", go));
      Future<?> warmCommits = threads.submit(() -> commitInTurn(tenant, warm, "warm", go));
      Future<List<String>> merges =
          threads.submit(
              () -> {
                go.await();
                List<String> outcomes = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                  AssetRef onDev = new AssetRef(dev, ns.path(), "dev-" + i);
                  store.assets().create(tenant, onDev, NewAsset.icebergTable("s3://d", "d")).join();
                  try {
                    outcomes.add(store.branches().merge(tenant, dev, main).join().outcome().name());
                  } catch (CompletionException e) {
                    // The contract allows a merge to give up on a racing change; never to lose it.
                    assertThat(e).hasCauseInstanceOf(ConflictException.class);
                    outcomes.add("CONFLICT");
                  }
                }
                return outcomes;
              });
      go.countDown();
      hotCommits.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      warmCommits.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(merges.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).doesNotContain("CONFLICT");
    } finally {
      threads.shutdownNow();
    }

    assertThat(store.assets().get(tenant, hot).join().flatMap(Asset::metadataLocation))
        .contains("hot-" + ROUNDS);
    assertThat(store.assets().get(tenant, warm).join().flatMap(Asset::metadataLocation))
        .contains("warm-" + ROUNDS);
    for (int i = 0; i < ROUNDS; i++) {
      assertThat(store.assets().get(tenant, AssetRef.onMain(ns, "dev-" + i)).join()).isPresent();
    }
    assertThat(foldedHistory(tenant, main)).isEqualTo(contents(tenant, main, ns));
  }

  /** Commits {@code asset} {@value #ROUNDS} times, each on the location the previous one left. */
  private static Void commitInTurn(
      TenantId tenant, AssetRef asset, String prefix, CountDownLatch go)
      throws InterruptedException {
    go.await();
    for (int i = 1; i <= ROUNDS; i++) {
      store
          .assets()
          .commitMetadataLocation(
              tenant, asset, MetadataCommit.replacing(prefix + "-" + (i - 1), prefix + "-" + i))
          .join();
    }
    return null;
  }

  /** The content of every key, folded from the operations of main's first-parent history. */
  private static Map<AssetKey, AssetContent> foldedHistory(TenantId tenant, BranchRef branch) {
    List<Commit> history = new ArrayList<>();
    Page<Commit> page =
        store.commits().ancestry(tenant, CommitRef.head(branch), PageRequest.firstPage(50)).join();
    history.addAll(page.items());
    while (page.nextPage(50).isPresent()) {
      page =
          store.commits().ancestry(tenant, CommitRef.head(branch), page.nextPage(50).get()).join();
      history.addAll(page.items());
    }
    Collections.reverse(history);
    Map<AssetKey, AssetContent> contents = new HashMap<>();
    for (Commit commit : history) {
      for (AssetChange change :
          store
              .commits()
              .operations(tenant, branch.catalog(), commit.id(), PageRequest.firstPage(1000))
              .join()
              .items()) {
        assertThat(Optional.ofNullable(contents.get(change.key())))
            .as(
                "the operation on %s in %s starts where the history left it",
                change.key(), commit.id())
            .isEqualTo(change.before());
        change
            .after()
            .ifPresentOrElse(
                c -> contents.put(change.key(), c), () -> contents.remove(change.key()));
      }
    }
    return contents;
  }

  private static Map<AssetKey, AssetContent> contents(
      TenantId tenant, BranchRef branch, NamespaceRef ns) {
    Map<AssetKey, AssetContent> contents = new HashMap<>();
    for (Asset asset :
        store
            .assets()
            .list(tenant, branch, ns.path(), PageRequest.firstPage(1000))
            .join()
            .items()) {
      contents.put(AssetKey.of(asset.ref()), AssetContent.of(asset));
    }
    return contents;
  }
}
