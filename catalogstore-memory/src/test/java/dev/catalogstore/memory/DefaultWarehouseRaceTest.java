package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Making a warehouse the default and deleting it race: both check and write under the tenant's
 * write lock, so exactly one wins, and the default never names a warehouse that is gone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DefaultWarehouseRaceTest {
  private final InMemoryCatalogStore store = new InMemoryCatalogStore();

  @Test
  void theDefaultWarehouseAlwaysExists() throws Exception {
    TenantId tenant = store.tenants().create(NewTenant.named("t")).join().id();
    SettingsUpdate makeDefault = SettingsUpdate.builder().defaultWarehouse("wh").build();
    for (int round = 0; round < 200; round++) {
      store
          .settings()
          .update(tenant, SettingsUpdate.builder().clearDefaultWarehouse().build())
          .join();
      store
          .warehouses()
          .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
          .join();
      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<Boolean> updated =
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return !store.settings().update(tenant, makeDefault).isCompletedExceptionally();
              });
      await(start);
      boolean deleted = !store.warehouses().delete(tenant, "wh").isCompletedExceptionally();

      SystemSettings settings = store.settings().get(tenant).join();
      boolean exists = store.warehouses().get(tenant, "wh").join().isPresent();
      assertThat(deleted ^ updated.get()).as("exactly one of the two wins").isTrue();
      assertThat(exists).isEqualTo(!deleted);
      assertThat(settings.defaultWarehouse().isPresent()).isEqualTo(updated.get());
      if (exists) {
        // Clear the default so the next round can delete it.
        store
            .settings()
            .update(tenant, SettingsUpdate.builder().clearDefaultWarehouse().build())
            .join();
        store.warehouses().delete(tenant, "wh").join();
      }
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
