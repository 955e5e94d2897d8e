package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each tenant has its own lock: while one thread holds tenant B's write lock (as a long write into
 * B would), reads and writes of tenant A proceed. The interleaving is fixed with latches; the
 * timeout only turns a wrongly shared lock, which would block this test forever, into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenantLockIndependenceTest {
  private final InMemoryCatalogStore store = new InMemoryCatalogStore();
  private final CountDownLatch bLocked = new CountDownLatch(1);
  private final CountDownLatch releaseB = new CountDownLatch(1);
  private TenantId a;
  private TenantId b;
  private Thread holder;

  @BeforeEach
  void holdTheWriteLockOfTenantB() throws InterruptedException {
    a = store.tenants().create(NewTenant.named("a")).join().id();
    b = store.tenants().create(NewTenant.named("b")).join().id();
    store.warehouses().create(a, warehouse("wh-a")).join();
    holder =
        new Thread(
            () ->
                store
                    .registry()
                    .write(
                        b,
                        state -> {
                          bLocked.countDown();
                          awaitUninterruptibly(releaseB);
                          return null;
                        }));
    holder.start();
    bLocked.await();
  }

  @AfterEach
  void releaseTenantB() throws InterruptedException {
    releaseB.countDown();
    holder.join();
  }

  @Test
  void readsOfAnotherTenantProceedWhileOneTenantIsWriteLocked() {
    assertThat(store.tenants().get(a).join()).isPresent();
    assertThat(store.warehouses().get(a, "wh-a").join()).isPresent();
    assertThat(store.warehouses().list(a, PageRequest.firstPage()).join().items()).hasSize(1);
    assertThat(store.tenants().list(PageRequest.firstPage()).join().items())
        .extracting(tenant -> tenant.name())
        .contains("a", "b");
  }

  @Test
  void writesOfAnotherTenantProceedWhileOneTenantIsWriteLocked() {
    store.warehouses().create(a, warehouse("wh-a2")).join();
    store.catalogs().create(a, NewCatalog.local("lake", "wh-a")).join();
    assertThat(store.catalogs().get(a, "lake").join()).isPresent();
  }

  @Test
  void aWriteOfTheLockedTenantWaitsForTheLockAndThenLands() throws Exception {
    CompletableFuture<Boolean> writeOfB = new CompletableFuture<>();
    Thread writer =
        new Thread(
            () ->
                writeOfB.complete(
                    store.warehouses().create(b, warehouse("wh-b")).isCompletedExceptionally()));
    writer.start();
    // The writer cannot finish while the lock is held; nothing of it is visible meanwhile.
    assertThat(writeOfB).isNotDone();
    releaseB.countDown();
    writer.join();
    assertThat(writeOfB.get()).as("the write of B failed").isFalse();
    assertThat(store.warehouses().get(b, "wh-b").join()).isPresent();
  }

  private static NewWarehouse warehouse(String name) {
    return NewWarehouse.of(name, StorageConfig.of(StorageType.FILE, "file:///w/" + name));
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
