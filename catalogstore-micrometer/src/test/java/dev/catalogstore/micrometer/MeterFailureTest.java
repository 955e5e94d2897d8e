package dev.catalogstore.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The store's contract holds when the meter registry fails: a call never fails for a meter. */
class MeterFailureTest {
  /** A registry that refuses every meter registered while {@code failing} is set. */
  private static SimpleMeterRegistry registryFailingWhen(AtomicBoolean failing) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                if (failing.get()) {
                  throw new IllegalStateException("the registry refuses " + id.getName());
                }
                return id;
              }
            });
    return registry;
  }

  @Test
  void aFailedCallKeepsItsFailureWhenItsMetersCannotBeRegistered() {
    AtomicBoolean failing = new AtomicBoolean();
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), registryFailingWhen(failing))) {
      failing.set(true);
      AtomicReference<Throwable> seen = new AtomicReference<>();

      // The first NotFoundException of this method registers its meters: the registry throws.
      store
          .namespaces()
          .create(TenantId.random(), NamespaceRef.of("prod", "sales"), Map.of())
          .handle((v, e) -> seen.getAndSet(e))
          .join();

      assertThat(seen.get()).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aSuccessfulCallKeepsItsValueWhenItsMetersCannotBeRegistered() {
    AtomicBoolean failing = new AtomicBoolean();
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(
            new InMemoryCatalogStore(),
            registryFailingWhen(failing),
            MetricsOptions.builder().tenantTag(true).build())) {
      failing.set(true);

      // With the tenant tag, a call registers its timer for its tenant: the registry throws.
      Tenant created = store.tenants().create(NewTenant.named("acme")).join();
      Tenant read = store.tenants().get(created.id()).join().orElseThrow();

      assertThat(read).isEqualTo(created);
    }
  }

  @Test
  void aCallGoesOnUnrecordedWhenTheRegistrysClockThrows() {
    AtomicBoolean failing = new AtomicBoolean();
    SimpleMeterRegistry registry =
        new SimpleMeterRegistry(SimpleConfig.DEFAULT, clockFailingWhen(failing));
    try (CatalogStore store = CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), registry)) {
      failing.set(true);

      Tenant created = store.tenants().create(NewTenant.named("acme")).join();
      AtomicReference<Throwable> seen = new AtomicReference<>();
      store
          .namespaces()
          .create(TenantId.random(), NamespaceRef.of("prod", "sales"), Map.of())
          .handle((v, e) -> seen.getAndSet(e))
          .join();

      assertThat(created.name()).isEqualTo("acme");
      assertThat(seen.get()).isInstanceOf(NotFoundException.class);
      assertThat(registry.get(CatalogStoreMetrics.CALLS).timers())
          .allSatisfy(timer -> assertThat(timer.count()).isZero());
      assertThat(registry.find(CatalogStoreMetrics.ERRORS).counters()).isEmpty();
    }
  }

  /** The system clock, throwing on every read while {@code failing} is set. */
  private static Clock clockFailingWhen(AtomicBoolean failing) {
    return new Clock() {
      @Override
      public long wallTime() {
        check();
        return Clock.SYSTEM.wallTime();
      }

      @Override
      public long monotonicTime() {
        check();
        return Clock.SYSTEM.monotonicTime();
      }

      private void check() {
        if (failing.get()) {
          throw new IllegalStateException("the clock is broken");
        }
      }
    };
  }
}
