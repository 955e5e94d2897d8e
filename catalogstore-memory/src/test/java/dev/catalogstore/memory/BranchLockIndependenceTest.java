package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Changes to different branches of one tenant do not wait for each other: while one thread holds
 * the write lock of branch {@code dev} (as a change to {@code dev} would, between its checks and
 * its commit), a metadata commit to {@code main} of the same catalog lands, with its commit on
 * {@code main}, and reads of {@code main} proceed; a change to {@code dev} waits and then lands on
 * top of what the holder left. The interleaving is fixed with latches; the timeout only turns a
 * wrongly shared lock, which would block this test forever, into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BranchLockIndependenceTest {
  private static final NamespaceRef DB = NamespaceRef.of("lake", "db");
  private static final BranchRef DEV = new BranchRef("lake", "dev");
  private static final AssetRef ON_MAIN = AssetRef.onMain(DB, "orders");
  private static final AssetRef ON_DEV = new AssetRef(DEV, DB.path(), "orders");

  private final InMemoryCatalogStore store = new InMemoryCatalogStore();
  private final CountDownLatch devLocked = new CountDownLatch(1);
  private final CountDownLatch releaseDev = new CountDownLatch(1);
  private TenantId tenant;
  private Thread holder;

  @BeforeEach
  void holdTheWriteLockOfBranchDev() throws InterruptedException {
    tenant = store.tenants().create(NewTenant.named("t")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    store.namespaces().create(tenant, DB, Map.of()).join();
    store.assets().create(tenant, ON_MAIN, NewAsset.icebergTable("s3://t/o", "s3://m/0")).join();
    store
        .branches()
        .create(tenant, DEV, NewBranch.from(CommitRef.head(BranchRef.main("lake"))))
        .join();
    holder =
        new Thread(
            () ->
                store
                    .registry()
                    .writeBranch(
                        tenant,
                        DEV,
                        (state, catalog, branch) -> {
                          devLocked.countDown();
                          awaitUninterruptibly(releaseDev);
                          return null;
                        }));
    holder.start();
    devLocked.await();
  }

  @AfterEach
  void releaseBranchDev() throws InterruptedException {
    releaseDev.countDown();
    holder.join();
  }

  @Test
  void aCommitToAnotherBranchOfTheTenantLandsWhileOneBranchIsLocked() {
    var headBefore = store.branches().get(tenant, BranchRef.main("lake")).join().orElseThrow();

    store
        .assets()
        .commitMetadataLocation(tenant, ON_MAIN, MetadataCommit.replacing("s3://m/0", "s3://m/1"))
        .join();

    assertThat(store.assets().get(tenant, ON_MAIN).join().orElseThrow().metadataLocation())
        .contains("s3://m/1");
    var headAfter = store.branches().get(tenant, BranchRef.main("lake")).join().orElseThrow();
    assertThat(headAfter.head()).isNotEqualTo(headBefore.head());
    assertThat(
            store
                .commits()
                .ancestry(tenant, CommitRef.head(BranchRef.main("lake")), PageRequest.firstPage(2))
                .join()
                .items()
                .get(1)
                .id())
        .as("the new head's parent is the old head")
        .isEqualTo(headBefore.head());
    assertThat(
            store
                .assets()
                .list(tenant, BranchRef.main("lake"), DB.path(), PageRequest.firstPage())
                .join()
                .items())
        .hasSize(1);
  }

  @Test
  void aChangeToTheLockedBranchWaitsForTheLockAndThenLands() throws Exception {
    CompletableFuture<Boolean> commitToDev = new CompletableFuture<>();
    Thread writer =
        new Thread(
            () ->
                commitToDev.complete(
                    store
                        .assets()
                        .commitMetadataLocation(
                            tenant, ON_DEV, MetadataCommit.replacing("s3://m/0", "s3://m/dev"))
                        .isCompletedExceptionally()));
    writer.start();
    writer.join(200);
    // The writer cannot finish while the lock is held.
    assertThat(commitToDev).isNotDone();
    releaseDev.countDown();
    writer.join();
    assertThat(commitToDev.get()).as("the commit to dev failed").isFalse();
    assertThat(store.assets().get(tenant, ON_DEV).join().orElseThrow().metadataLocation())
        .contains("s3://m/dev");
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
