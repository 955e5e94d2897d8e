package dev.catalogstore.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.micrometer.FacetShape.FacetMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The decorator cannot forget a method: every method of every facet the contract has, found here by
 * reflection over {@code StoreFacets} and the facet interfaces (not through the decorator), is
 * recorded under its facet and name. A facet or method the decorator did not measure makes these
 * tests fail.
 */
class EveryFacetMethodIsMeteredTest {

  @Test
  void storeFacetsHasAGetterForEveryAccessorOfTheStore() {
    Set<String> accessors = new TreeSet<>();
    for (Method method : CatalogStore.class.getMethods()) {
      if (method.getParameterCount() == 0
          && method.getReturnType().isInterface()
          && !Modifier.isStatic(method.getModifiers())) {
        accessors.add(method.getName());
      }
    }
    Set<String> getters =
        FacetShape.facetGetters().stream().map(Method::getName).collect(Collectors.toSet());

    assertThat(getters).isEqualTo(accessors).hasSize(17);
  }

  @Test
  void everyFacetMethodHasItsSuccessTimerBeforeItsFirstCall() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CatalogStore store = CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), registry)) {
      Set<String> expected =
          FacetShape.facetMethods().stream()
              .map(FacetMethod::key)
              .collect(Collectors.toCollection(TreeSet::new));

      Set<String> registered =
          registry.find(CatalogStoreMetrics.CALLS).tag("outcome", "success").timers().stream()
              .map(EveryFacetMethodIsMeteredTest::key)
              .collect(Collectors.toCollection(TreeSet::new));

      assertThat(registered).isEqualTo(expected);
    }
  }

  @Test
  void everyCallOfEveryFacetMethodIsTimedOnceUnderItsFacetAndMethod() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Map<String, Long> called = new TreeMap<>();
    Map<String, Long> calledWithArguments = new TreeMap<>();
    try (CatalogStore store = CatalogStoreMetrics.decorate(new InMemoryCatalogStore(), registry)) {
      for (FacetMethod facetMethod : FacetShape.facetMethods()) {
        callWithNulls(FacetShape.facetOf(store, facetMethod.facet()), facetMethod.method());
        called.merge(facetMethod.key(), 1L, Long::sum);
        if (facetMethod.method().getParameterCount() > 0) {
          calledWithArguments.merge(facetMethod.key(), 1L, Long::sum);
        }
      }
    }

    Map<String, Long> timed = new TreeMap<>();
    for (Timer timer : registry.find(CatalogStoreMetrics.CALLS).timers()) {
      timed.merge(key(timer), timer.count(), Long::sum);
    }
    // Each overload called once: a default method that calls another is recorded once, not twice.
    assertThat(timed).isEqualTo(called);
    assertThat(called.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(FacetShape.facetMethods().size());

    // Null arguments are bad input: each such call failed, and was counted under its type.
    Map<String, Long> invalid = new TreeMap<>();
    for (Counter counter :
        registry
            .find(CatalogStoreMetrics.ERRORS)
            .tag("outcome", "InvalidArgumentException")
            .counters()) {
      invalid.merge(key(counter), (long) counter.count(), Long::sum);
    }
    assertThat(invalid).isEqualTo(calledWithArguments);
  }

  /** Calls {@code method} with null arguments and waits for its outcome, whatever it is. */
  private static void callWithNulls(Object facet, Method method) throws Exception {
    Object result;
    try {
      result = method.invoke(facet, FacetShape.nullArguments(method));
    } catch (InvocationTargetException thrown) {
      return; // a synchronous throw is recorded too
    }
    if (result instanceof CompletableFuture<?> future) {
      future.handle((value, failure) -> null).get(30, TimeUnit.SECONDS);
    }
  }

  private static String key(io.micrometer.core.instrument.Meter meter) {
    return meter.getId().getTag("facet") + "." + meter.getId().getTag("method");
  }
}
