package dev.catalogstore.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.branch.Branches;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.commit.Commits;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import dev.catalogstore.api.tag.Tags;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.api.warehouse.Warehouses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A store over a real one whose calls fail as an unreachable store's do, or let a rival change the
 * store first, when a test plans it: {@code faults.on("assets.delete", Fault.before(rival))}.
 *
 * <p>Calls are named {@code facet.method} ({@code assets.commitMetadataLocation}), overloads alike.
 * Each call takes the next fault planned for its name, if any; unplanned calls go straight to the
 * real store. The rival's changes go to {@link #base()}, which has no faults.
 */
final class FaultyStore {
  /** What happens to one call. */
  @FunctionalInterface
  interface Fault {
    CompletableFuture<?> apply(Supplier<CompletableFuture<?>> call);

    /** The store refuses the call: nothing is applied, an {@link UnavailableException} returns. */
    static Fault refuse() {
      return call -> CompletableFuture.failedFuture(outage("refused"));
    }

    /** Like {@link #refuse()}, after {@code rival} changed the store. */
    static Fault refuseAfter(Runnable rival) {
      return call -> {
        rival.run();
        return CompletableFuture.failedFuture(outage("refused"));
      };
    }

    /** The store applies the call, but its reply is lost: the caller sees unavailable. */
    static Fault loseReply() {
      return call -> {
        CompletableFuture<?> applied = call.get();
        // Wait for the outcome, whatever it is, then hide it.
        applied.handle((result, failure) -> null).join();
        return CompletableFuture.failedFuture(outage("reply lost"));
      };
    }

    /**
     * Like {@link #loseReply()}, and {@code rival} changes the store before the caller hears of the
     * outage: whatever the caller does next sees the rival's change.
     */
    static Fault loseReplyThen(Runnable rival) {
      return call -> {
        CompletableFuture<?> applied = call.get();
        applied.handle((result, failure) -> null).join();
        rival.run();
        return CompletableFuture.failedFuture(outage("reply lost"));
      };
    }

    /** {@code rival} changes the store, then the call goes through. */
    static Fault before(Runnable rival) {
      return call -> {
        rival.run();
        return call.get();
      };
    }
  }

  private static final Map<String, Class<?>> FACETS =
      Map.of(
          "tenants", Tenants.class,
          "warehouses", Warehouses.class,
          "catalogs", Catalogs.class,
          "namespaces", Namespaces.class,
          "assets", Assets.class,
          "commits", Commits.class,
          "branches", Branches.class,
          "tags", Tags.class);

  private final CatalogStore base;
  private final CatalogStore store;
  private final Map<String, Deque<Fault>> planned = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  FaultyStore(CatalogStore base) {
    this.base = base;
    this.store =
        ComposedCatalogStore.decorate(
            base,
            f ->
                f.withTenants(intercept("tenants", Tenants.class, f.tenants()))
                    .withWarehouses(intercept("warehouses", Warehouses.class, f.warehouses()))
                    .withCatalogs(intercept("catalogs", Catalogs.class, f.catalogs()))
                    .withNamespaces(intercept("namespaces", Namespaces.class, f.namespaces()))
                    .withAssets(intercept("assets", Assets.class, f.assets()))
                    .withCommits(intercept("commits", Commits.class, f.commits()))
                    .withBranches(intercept("branches", Branches.class, f.branches()))
                    .withTags(intercept("tags", Tags.class, f.tags())));
  }

  /** The store with faults, for the catalog under test. */
  CatalogStore store() {
    return store;
  }

  /** The same store without faults, for rivals and checks. */
  CatalogStore base() {
    return base;
  }

  /** Plans {@code faults} for the next calls named {@code call}, in order. */
  FaultyStore on(String call, Fault... faults) {
    String[] parts = call.split("\\.", 2);
    Class<?> facet = FACETS.get(parts[0]);
    assertThat(facet).as("facet of %s", call).isNotNull();
    assertThat(Arrays.stream(facet.getMethods()).map(Method::getName))
        .as("methods of %s", parts[0])
        .contains(parts[1]);
    planned.computeIfAbsent(call, c -> new ConcurrentLinkedDeque<>()).addAll(List.of(faults));
    return this;
  }

  /** How many calls named {@code call} the catalog made so far. */
  int calls(String call) {
    AtomicInteger count = calls.get(call);
    return count == null ? 0 : count.get();
  }

  /** Fails the test if a planned fault was never met: the scenario did not happen as planned. */
  void assertAllFaultsMet() {
    List<String> left = new ArrayList<>();
    planned.forEach((call, faults) -> faults.forEach(fault -> left.add(call)));
    assertThat(left).as("planned faults never met").isEmpty();
  }

  private <T> T intercept(String facet, Class<T> type, T target) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return invoke(method, target, args);
              }
              String name = facet + "." + method.getName();
              calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
              Deque<Fault> faults = planned.get(name);
              Fault fault = faults == null ? null : faults.pollFirst();
              Supplier<CompletableFuture<?>> call =
                  () -> (CompletableFuture<?>) invoke(method, target, args);
              return fault == null ? call.get() : fault.apply(call);
            });
    return type.cast(proxy);
  }

  private static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static UnavailableException outage(String what) {
    return new UnavailableException("injected: " + what, null);
  }
}
