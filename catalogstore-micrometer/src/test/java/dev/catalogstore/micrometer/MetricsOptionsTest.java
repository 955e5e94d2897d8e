package dev.catalogstore.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The tags and histograms the options ask for, and nothing more. */
class MetricsOptionsTest {

  /** A few calls of several facets, successful and failed, some naming a tenant, some none. */
  private static TenantId someCalls(CatalogStore store) {
    TenantId tenant = store.tenants().create(NewTenant.named("acme")).join().id();
    store.tenants().list(PageRequest.firstPage()).join();
    store.settings().get(tenant).join();
    store
        .namespaces()
        .create(tenant, NamespaceRef.of("missing", "sales"), Map.of())
        .handle((v, e) -> null)
        .join();
    store.namespaces().get(null, null).handle((v, e) -> null).join();
    return tenant;
  }

  @Test
  void noMeterIsTaggedWithATenantByDefault() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CatalogStore store = CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), registry)) {
      someCalls(store);
    }

    assertThat(registry.getMeters())
        .isNotEmpty()
        .allSatisfy(meter -> assertThat(meter.getId().getTag("tenant")).isNull());
    assertThat(registry.getMeters())
        .allSatisfy(
            meter ->
                assertThat(meter.getId().getTags())
                    .extracting(Tag::getKey)
                    .containsExactlyInAnyOrder("facet", "method", "outcome"));
  }

  @Test
  void theTenantTagNamesTheCallsTenantWhenEnabled() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TenantId tenant;
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(
            new InMemoryCatalogStore(),
            registry,
            MetricsOptions.builder().tenantTag(true).build())) {
      tenant = someCalls(store);
    }

    assertThat(
            registry
                .get(CatalogStoreMetrics.CALLS)
                .tags("facet", "settings", "method", "get", "outcome", "success")
                .tag("tenant", tenant.toString())
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(CatalogStoreMetrics.ERRORS)
                .tags("facet", "namespaces", "method", "create", "outcome", "NotFoundException")
                .tag("tenant", tenant.toString())
                .counter()
                .count())
        .isEqualTo(1);
    // tenants().create and list name no tenant; namespaces().get(null, …) names a null one.
    assertThat(tenantOf(registry, "tenants", "create")).isEqualTo(CatalogStoreMetrics.NO_TENANT);
    assertThat(tenantOf(registry, "tenants", "list")).isEqualTo(CatalogStoreMetrics.NO_TENANT);
    assertThat(tenantOf(registry, "namespaces", "get")).isEqualTo(CatalogStoreMetrics.NO_TENANT);
    assertThat(registry.getMeters())
        .allSatisfy(meter -> assertThat(meter.getId().getTag("tenant")).isNotNull());
  }

  @Test
  void aCallFailingBecauseItsTenantDoesNotExistIsTaggedWithNoTenant() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TenantId unknown = TenantId.random();
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(
            new InMemoryCatalogStore(),
            registry,
            MetricsOptions.builder().tenantTag(true).build())) {
      store
          .namespaces()
          .create(unknown, NamespaceRef.of("prod", "sales"), Map.of())
          .handle((v, e) -> null)
          .join();
    }

    assertThat(
            registry
                .get(CatalogStoreMetrics.ERRORS)
                .tags("facet", "namespaces", "method", "create", "outcome", "NotFoundException")
                .tag("tenant", CatalogStoreMetrics.NO_TENANT)
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.getMeters())
        .noneSatisfy(
            meter -> assertThat(meter.getId().getTag("tenant")).isEqualTo(unknown.toString()));
  }

  @Test
  void withTheTenantTagNoMeterIsRegisteredBeforeTheFirstCall() {
    SimpleMeterRegistry untagged = new SimpleMeterRegistry();
    SimpleMeterRegistry tagged = new SimpleMeterRegistry();
    try (CatalogStore a = CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), untagged);
        CatalogStore b =
            CatalogStoreMetrics.decorate(
                new InMemoryCatalogStore(),
                tagged,
                MetricsOptions.builder().tenantTag(true).build())) {
      // Without the tag every method's success timer is there at once; with it, none is yet.
      assertThat(untagged.find(CatalogStoreMetrics.CALLS).tags("facet", "assets").timers())
          .isNotEmpty();
      assertThat(tagged.getMeters()).isEmpty();

      b.tenants().create(NewTenant.named("acme")).join();
      assertThat(tagged.get(CatalogStoreMetrics.CALLS).timers()).hasSize(1);
    }
  }

  @Test
  void tagsOfYourOwnAreOnEveryMeter() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(
            new InMemoryCatalogStore(),
            registry,
            MetricsOptions.builder().tags(Tags.of("store", "primary", "region", "eu")).build())) {
      someCalls(store);
    }

    assertThat(registry.getMeters())
        .isNotEmpty()
        .allSatisfy(
            meter -> {
              assertThat(meter.getId().getTag("store")).isEqualTo("primary");
              assertThat(meter.getId().getTag("region")).isEqualTo("eu");
            });
  }

  @Test
  void theTimersAskForAPercentileHistogramOnlyWhenTheOptionsDo() {
    assertThat(histogramsAskedFor(MetricsOptions.defaults())).containsOnly(false);
    assertThat(histogramsAskedFor(MetricsOptions.builder().percentileHistogram(true).build()))
        .containsOnly(true);
  }

  /**
   * Whether each call timer registered asked for a percentile histogram. Read from the timers'
   * configuration as the registry receives it: a SimpleMeterRegistry publishes no buckets either
   * way, a Prometheus registry publishes them when asked.
   */
  private static Set<Boolean> histogramsAskedFor(MetricsOptions options) {
    Set<Boolean> asked = ConcurrentHashMap.newKeySet();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals(CatalogStoreMetrics.CALLS)) {
                  asked.add(Boolean.TRUE.equals(config.isPercentileHistogram()));
                }
                return config;
              }
            });
    try (CatalogStore store =
        CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), registry, options)) {
      someCalls(store);
    }
    return asked;
  }

  @Test
  void tagKeysTheDecoratorSetsItselfAreRefused() {
    for (String key : List.of("facet", "method", "outcome", "tenant")) {
      assertThatThrownBy(() -> MetricsOptions.builder().tags(Tags.of(key, "x")))
          .isInstanceOfSatisfying(
              InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo("options.tags"));
    }
  }

  @Test
  void nullInputsAreRefusedNamingTheirField() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CatalogStore store = new InMemoryCatalogStore()) {
      assertField(() -> CatalogStoreMetrics.decorate(null, registry), "store");
      assertField(() -> CatalogStoreMetrics.decorate(store, null), "registry");
      assertField(() -> CatalogStoreMetrics.decorate(store, registry, null), "options");
      assertField(() -> MetricsOptions.builder().tags(null), "options.tags");
      assertField(
          () -> MetricsOptions.builder().tags(java.util.Arrays.asList((Tag) null)), "options.tags");
    }
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private static String tenantOf(SimpleMeterRegistry registry, String facet, String method) {
    return registry
        .get(CatalogStoreMetrics.CALLS)
        .tags("facet", facet, "method", method)
        .timers()
        .stream()
        .filter(timer -> timer.count() > 0)
        .map(timer -> timer.getId().getTag("tenant"))
        .findFirst()
        .orElseThrow();
  }
}
