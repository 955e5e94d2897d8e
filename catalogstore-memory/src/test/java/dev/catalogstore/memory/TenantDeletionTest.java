package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deleting a tenant is atomic with respect to writes into it: a write either lands before the
 * deletion (and is deleted with the tenant) or fails with {@code NotFoundException}; none lands
 * afterwards, and a deleted tenant never comes back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenantDeletionTest {
  private final InMemoryCatalogStore store = new InMemoryCatalogStore();

  @Test
  void aWriteThatFoundTheTenantBeforeItsDeletionDoesNotLandAfterIt() {
    TenantId tenant = store.tenants().create(NewTenant.named("doomed")).join().id();
    // The exact interleaving: a writer has looked the tenant up, then the tenant is deleted,
    // then the writer gets the lock.
    TenantState foundEarlier = store.registry().write(tenant, state -> state);
    store.tenants().delete(tenant).join();

    String outcome = foundEarlier.write(state -> "landed", () -> "refused");

    assertThat(outcome).isEqualTo("refused");
    assertThat(store.tenants().get(tenant).join()).isEmpty();
  }

  @Test
  void writesRacingADeletionEitherLandBeforeItOrFailAndNoneSurvive() throws Exception {
    TenantId tenant = store.tenants().create(NewTenant.named("raced")).join().id();
    int writers = 8;
    ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<CompletableFuture<Warehouse>>>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writes.add(
            threads.submit(
                () -> {
                  start.await();
                  List<CompletableFuture<Warehouse>> mine = new ArrayList<>();
                  for (int i = 0; i < 50; i++) {
                    mine.add(store.warehouses().create(tenant, warehouse("w" + writer + "-" + i)));
                  }
                  return mine;
                }));
      }
      Future<?> deletion =
          threads.submit(
              () -> {
                start.await();
                return store.tenants().delete(tenant).join();
              });
      start.countDown();
      deletion.get();
      for (Future<List<CompletableFuture<Warehouse>>> writer : writes) {
        for (CompletableFuture<Warehouse> write : writer.get()) {
          try {
            write.join();
          } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
          }
        }
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(store.tenants().get(tenant).join()).isEmpty();
    assertThat(store.warehouses().get(tenant, "w0-0").join()).isEmpty();
    assertThat(Outcomes.failureOf(store.warehouses().list(tenant, PageRequest.firstPage())))
        .isInstanceOf(NotFoundException.class);
    TenantId reborn = store.tenants().create(NewTenant.named("raced")).join().id();
    assertThat(reborn).isNotEqualTo(tenant);
    assertThat(store.warehouses().list(reborn, PageRequest.firstPage()).join().items()).isEmpty();
  }

  private static NewWarehouse warehouse(String name) {
    return NewWarehouse.of(name, StorageConfig.of(StorageType.FILE, "file:///w/" + name));
  }
}
