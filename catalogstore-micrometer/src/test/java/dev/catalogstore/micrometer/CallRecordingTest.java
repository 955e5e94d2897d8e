package dev.catalogstore.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one call records, and that the decorated store answers exactly as the store does. */
class CallRecordingTest {
  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final ScriptedTenants tenants = new ScriptedTenants();
  private final CatalogStore scripted =
      CatalogStoreMetrics.decorate(
          ComposedCatalogStore.decorate(new InMemoryCatalogStore(), f -> f.withTenants(tenants)),
          registry);

  @AfterEach
  void close() {
    scripted.close();
  }

  @Test
  void aCallIsTimedFromTheCallUntilItsFutureCompletes() {
    CompletableFuture<Optional<?>> pending = new CompletableFuture<>();
    tenants.answer(() -> pending);

    CompletableFuture<Optional<Tenant>> call = scripted.tenants().get(TenantId.random());
    clock.add(Duration.ofMillis(40));
    assertThat(timer("tenants", "get", "success").count()).isZero();
    pending.complete(Optional.empty());

    assertThat(call).isCompletedWithValue(Optional.empty());
    assertThat(timer("tenants", "get", "success").count()).isEqualTo(1);
    assertThat(timer("tenants", "get", "success").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
  }

  @Test
  void aFailedCallIsTimedAndCountedUnderItsFailuresSimpleClassName() {
    CompletableFuture<Optional<?>> pending = new CompletableFuture<>();
    tenants.answer(() -> pending);

    CompletableFuture<?> call = scripted.tenants().get(TenantId.random());
    clock.add(Duration.ofMillis(7));
    pending.completeExceptionally(new UnavailableException("the database is down", null));

    assertThat(call).isCompletedExceptionally();
    assertThat(timer("tenants", "get", "UnavailableException").count()).isEqualTo(1);
    assertThat(timer("tenants", "get", "UnavailableException").totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(7);
    assertThat(errors("tenants", "get", "UnavailableException")).isEqualTo(1);
    assertThat(timer("tenants", "get", "success").count()).isZero();
  }

  @Test
  void outcomesOfTheStoresOwnFailuresAreTaggedByType() {
    SimpleMeterRegistry memoryRegistry = new SimpleMeterRegistry();
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), memoryRegistry)) {
      store.tenants().create(NewTenant.named("acme")).join();
      store.tenants().create(NewTenant.named("acme")).handle((v, e) -> null).join();
      store
          .namespaces()
          .create(TenantId.random(), NamespaceRef.of("prod", "sales"), Map.of())
          .handle((v, e) -> null)
          .join();
      store.tenants().create(null).handle((v, e) -> null).join();

      assertThat(outcomes(memoryRegistry, "tenants", "create"))
          .containsOnly(
              Map.entry("success", 1L),
              Map.entry("AlreadyExistsException", 1L),
              Map.entry("InvalidArgumentException", 1L));
      assertThat(outcomes(memoryRegistry, "namespaces", "create"))
          .containsOnly(Map.entry("success", 0L), Map.entry("NotFoundException", 1L));
      assertThat(
              memoryRegistry
                  .get(CatalogStoreMetrics.ERRORS)
                  .tags("facet", "tenants", "method", "create")
                  .counters())
          .hasSize(2)
          .allSatisfy(counter -> assertThat(counter.count()).isEqualTo(1.0));
    }
  }

  @Test
  void aFailureWrappedInCompletionExceptionIsTaggedByItsCause() {
    tenants.answer(
        () ->
            CompletableFuture.failedFuture(
                new CompletionException(new NotFoundException(ObjectType.TENANT, "no tenant"))));

    scripted.tenants().get(TenantId.random()).handle((v, e) -> null).join();

    assertThat(timer("tenants", "get", "NotFoundException").count()).isEqualTo(1);
  }

  @Test
  void theReturnedFutureCompletesWithTheStoresValueOrItsVerySameFailure() {
    Optional<?> value = Optional.of("x");
    tenants.answer(() -> CompletableFuture.completedFuture(value));
    assertThat(scripted.tenants().get(TenantId.random()).join()).isSameAs(value);

    AlreadyExistsException failure = new AlreadyExistsException("taken");
    tenants.answer(() -> CompletableFuture.failedFuture(failure));
    AtomicReference<Throwable> seen = new AtomicReference<>();
    scripted.tenants().get(TenantId.random()).handle((v, e) -> seen.getAndSet(e)).join();

    // Not wrapped: a handle() in the caller's chain sees what the store's future held.
    assertThat(seen.get()).isSameAs(failure);
  }

  @Test
  void aSynchronousThrowIsRecordedAndPassedOnAsThrown() {
    IllegalStateException broken = new IllegalStateException("a broken backend threw");
    tenants.answer(
        () -> {
          throw broken;
        });

    assertThatThrownBy(() -> scripted.tenants().delete(TenantId.random())).isSameAs(broken);
    assertThat(timer("tenants", "delete", "IllegalStateException").count()).isEqualTo(1);
    assertThat(errors("tenants", "delete", "IllegalStateException")).isEqualTo(1);
  }

  @Test
  void aNullFutureIsRecordedAsNullFutureAndPassedOn() {
    tenants.answer(() -> null);

    assertThat(scripted.tenants().list(null)).isNull();
    assertThat(timer("tenants", "list", CatalogStoreMetrics.NULL_FUTURE).count()).isEqualTo(1);
    assertThat(errors("tenants", "list", CatalogStoreMetrics.NULL_FUTURE)).isEqualTo(1);
  }

  @Test
  void aDefaultMethodIsRecordedOnceUnderTheNameCalled() {
    SimpleMeterRegistry memoryRegistry = new SimpleMeterRegistry();
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), memoryRegistry)) {
      TenantId tenant = store.tenants().create(NewTenant.named("acme")).join().id();

      // sync(tenant, catalog) is a default method that calls sync(tenant, catalog, actor).
      store.federation().sync(tenant, "missing").handle((v, e) -> null).join();

      assertThat(outcomes(memoryRegistry, "federation", "sync"))
          .containsOnly(Map.entry("success", 0L), Map.entry("NotFoundException", 1L));
    }
  }

  @Test
  void objectMethodsOfAFacetAreTheProxysOwnAndNotMeasured() {
    Object facet = scripted.tenants();

    assertThat(facet.toString()).startsWith("metered ");
    assertThat(facet).isEqualTo(scripted.tenants()).isNotEqualTo(tenants);
    assertThat(facet.hashCode()).isEqualTo(System.identityHashCode(facet));
    assertThat(registry.find(CatalogStoreMetrics.CALLS).timers())
        .allSatisfy(timer -> assertThat(timer.count()).isZero());
  }

  @Test
  void closingTheMeteredStoreClosesTheStore() {
    SimpleMeterRegistry memoryRegistry = new SimpleMeterRegistry();
    CatalogStore store = CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), memoryRegistry);
    store.close();

    assertThat(store.tenants().create(NewTenant.named("late")))
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(UnavailableException.class);
    assertThat(outcomes(memoryRegistry, "tenants", "create"))
        .containsEntry("UnavailableException", 1L);
  }

  private Timer timer(String facet, String method, String outcome) {
    return registry
        .get(CatalogStoreMetrics.CALLS)
        .tags("facet", facet, "method", method, "outcome", outcome)
        .timer();
  }

  private double errors(String facet, String method, String outcome) {
    return registry
        .get(CatalogStoreMetrics.ERRORS)
        .tags("facet", facet, "method", method, "outcome", outcome)
        .counter()
        .count();
  }

  /** The count of each outcome's timer of one method. */
  static Map<String, Long> outcomes(SimpleMeterRegistry registry, String facet, String method) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (Timer timer :
        registry.find(CatalogStoreMetrics.CALLS).tags("facet", facet, "method", method).timers()) {
      counts.merge(timer.getId().getTag("outcome"), timer.count(), Long::sum);
    }
    return counts;
  }
}
