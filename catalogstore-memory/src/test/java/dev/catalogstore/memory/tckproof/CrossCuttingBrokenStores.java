package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.api.warehouse.Warehouses;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Broken stores whose defect breaks a rule every facet keeps (futures, chaining, reading the
 * arguments, the stored property limit) rather than one area's semantics. They are caught by the
 * {@code Futures} suite, which probes every facet method for the asynchronous rules, and by {@code
 * StoredLimits}.
 */
@SuppressWarnings("unchecked") // the facet methods' futures, as Intercept hands them over
final class CrossCuttingBrokenStores {
  private CrossCuttingBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        throwingOnNullInput(),
        joiningOnItsOwnWorker(),
        rawRuntimeFailure(),
        readingTheMapAfterReturning(),
        copyingArgumentsOutsideTheFuture(),
        limitingTheRequestOnly());
  }

  /**
   * A backend that bounds what one request carries but not what is stored after merging: two
   * updates of 600 keys each both land, leaving 1200 properties (the JDBC store's V2 constraint
   * exists for this). Simulated over the honest store, which cannot hold the excess, by keeping the
   * merged map of an update the honest store refused on the side and serving it on reads.
   */
  static BrokenStore limitingTheRequestOnly() {
    return new BrokenStore(
        "limits-the-request-only",
        "namespaces.updateProperties lets the stored map grow past the limit by successive updates",
        facets -> {
          record Key(TenantId tenant, NamespaceRef namespace) {}
          Map<Key, Namespace> overgrown = new ConcurrentHashMap<>();
          Namespaces namespaces =
              Intercept.facet(Namespaces.class, facets.namespaces())
                  .replace(
                      "updateProperties",
                      3,
                      call -> {
                        Key key =
                            new Key(call.arg(0, TenantId.class), call.arg(1, NamespaceRef.class));
                        PropertyUpdate update = call.arg(2, PropertyUpdate.class);
                        return ((CompletableFuture<Namespace>) call.proceed())
                            .exceptionallyCompose(
                                failure -> {
                                  Throwable cause =
                                      failure instanceof CompletionException
                                          ? failure.getCause()
                                          : failure;
                                  if (!(cause instanceof InvalidArgumentException invalid)
                                      || !invalid.field().equals("update")) {
                                    return CompletableFuture.failedFuture(cause);
                                  }
                                  return facets
                                      .namespaces()
                                      .get(key.tenant(), key.namespace())
                                      .thenApply(
                                          current -> {
                                            Namespace stored =
                                                overgrown.getOrDefault(key, current.orElseThrow());
                                            Namespace merged =
                                                new Namespace(
                                                    stored.ref(),
                                                    update.applyTo(stored.properties()),
                                                    stored.createdAt(),
                                                    stored.updatedAt());
                                            overgrown.put(key, merged);
                                            return merged;
                                          });
                                });
                      })
                  .replace(
                      "get",
                      2,
                      call -> {
                        Key key =
                            new Key(call.arg(0, TenantId.class), call.arg(1, NamespaceRef.class));
                        return ((CompletableFuture<Optional<Namespace>>) call.proceed())
                            .thenApply(
                                found ->
                                    found.isPresent() && overgrown.containsKey(key)
                                        ? Optional.of(overgrown.get(key))
                                        : found);
                      })
                  .build();
          return facets.withNamespaces(namespaces);
        },
        List.of(
            test(
                "StoredLimits",
                "namespacePropertyUpdatesCannotGrowTheStoredPropertiesPastTheLimit")));
  }

  /**
   * A guard clause at the top of a method, {@code Objects.requireNonNull(name, "name")}, that runs
   * before the future exists: a null name throws at the caller instead of failing the future.
   */
  static BrokenStore throwingOnNullInput() {
    return new BrokenStore(
        "throws-on-null-input",
        "catalogs.get throws NullPointerException synchronously for a null name",
        facets ->
            facets.withCatalogs(
                Intercept.facet(Catalogs.class, facets.catalogs())
                    .replace(
                        "get",
                        2,
                        call -> {
                          Objects.requireNonNull(call.arg(1, String.class), "name");
                          return call.proceed();
                        })
                    .build()),
        List.of(test("Futures", "noMethodThrowsOnANullArgumentButFailsItsFutureAsInvalid")));
  }

  /**
   * A store that runs every call on its one worker thread (a pool of one connection, say), after a
   * round trip's latency, and whose metadata commit first reads the asset with {@code join()} on
   * the calling thread. Called from the application's thread that works; chained with plain {@code
   * thenCompose} inside a callback of another call of the store, the callback runs on the worker,
   * which then waits for a read queued behind itself: a deadlock.
   */
  static BrokenStore joiningOnItsOwnWorker() {
    return new BrokenStore(
        "joins-on-its-own-worker",
        "assets.commitMetadataLocation blocks with join() on a read queued on the store's "
            + "single worker thread",
        facets -> {
          ExecutorService worker =
              Executors.newSingleThreadExecutor(
                  runnable -> {
                    Thread thread = new Thread(runnable, "broken-store-worker");
                    thread.setDaemon(true); // stays blocked forever once deadlocked
                    return thread;
                  });
          Executor roundTrip = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS, worker);
          StoreFacets onWorker =
              facets.toBuilder()
                  .tenants(onWorker(Tenants.class, facets.tenants(), roundTrip))
                  .warehouses(onWorker(Warehouses.class, facets.warehouses(), roundTrip))
                  .catalogs(onWorker(Catalogs.class, facets.catalogs(), roundTrip))
                  .namespaces(onWorker(Namespaces.class, facets.namespaces(), roundTrip))
                  .assets(onWorker(Assets.class, facets.assets(), roundTrip))
                  .build();
          Assets assets =
              Intercept.facet(Assets.class, onWorker.assets())
                  .replace(
                      "commitMetadataLocation",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        try {
                          // "Check it exists first": a blocking read on the caller's thread.
                          onWorker.assets().get(tenant, asset).join();
                        } catch (CompletionException e) {
                          // the commit itself reports what is wrong
                        }
                        return call.proceed();
                      })
                  .build();
          return onWorker.withAssets(assets);
        },
        List.of(test("Futures", "everyMethodChainedInsideAStoreCallbackCompletes")));
  }

  /**
   * A lookup that ends in {@code Optional.orElseThrow()} without a supplier: an update under a
   * tenant that does not exist fails with a bare {@link NoSuchElementException} instead of the
   * contract's {@code NotFoundException}.
   */
  static BrokenStore rawRuntimeFailure() {
    return new BrokenStore(
        "raw-runtime-failure",
        "warehouses.update under a missing tenant fails with NoSuchElementException",
        facets ->
            facets.withWarehouses(
                Intercept.facet(Warehouses.class, facets.warehouses())
                    .replace(
                        "update",
                        3,
                        call ->
                            ((CompletableFuture<?>) call.proceed())
                                .exceptionallyCompose(
                                    failure -> {
                                      Throwable cause =
                                          failure instanceof CompletionException
                                              ? failure.getCause()
                                              : failure;
                                      return CompletableFuture.failedFuture(
                                          cause instanceof NotFoundException
                                              ? new NoSuchElementException("No value present")
                                              : cause);
                                    }))
                    .build()),
        List.of(test("Futures", "everyMethodFailsOnlyWithTheContractsExceptions")));
  }

  /**
   * A store that queues its work and reads the caller's map when the work runs, after the call has
   * returned: a caller that reuses its map for the next request changes what was stored.
   */
  static BrokenStore readingTheMapAfterReturning() {
    return new BrokenStore(
        "reads-the-map-after-returning",
        "namespaces.create reads its properties map when its queued work runs, not when called",
        facets ->
            facets.withNamespaces(
                Intercept.facet(Namespaces.class, facets.namespaces())
                    .replace(
                        "create",
                        3,
                        call ->
                            CompletableFuture.runAsync(
                                    () -> {},
                                    CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))
                                .thenCompose(
                                    queued -> {
                                      try {
                                        return (CompletableFuture<?>) call.proceed();
                                      } catch (Throwable e) {
                                        return CompletableFuture.failedFuture(e);
                                      }
                                    }))
                    .build()),
        List.of(
            test(
                "Futures",
                "anArgumentTheCallerChangesAfterTheCallReturnedChangesNothingOfTheCall")));
  }

  /**
   * The opposite care gone wrong: the caller's map is copied before the future is built, on the
   * caller's thread and outside the store's error handling, so a map that throws while read escapes
   * as a synchronous exception (what the JDBC store once did).
   */
  static BrokenStore copyingArgumentsOutsideTheFuture() {
    return new BrokenStore(
        "copies-arguments-outside-the-future",
        "namespaces.replaceProperties copies the caller's map before building its future",
        facets ->
            facets.withNamespaces(
                Intercept.facet(Namespaces.class, facets.namespaces())
                    .replace(
                        "replaceProperties",
                        3,
                        call -> {
                          @SuppressWarnings("unchecked")
                          Map<String, String> given = call.arg(2, Map.class);
                          Map<String, String> copy =
                              given == null ? null : new LinkedHashMap<>(given);
                          return call.proceed(
                              call.arg(0, Object.class), call.arg(1, Object.class), copy);
                        })
                    .build()),
        List.of(test("Futures", "noMethodThrowsOnAnArgumentThatFailsWhileReadButFailsItsFuture")));
  }

  /**
   * {@code honest}, with every call run on {@code executor} (its own thread) and its future
   * completed there; a default method runs as the interface defines it, on the wrapped facet.
   */
  private static <F> F onWorker(Class<F> type, F honest, Executor executor) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "on a worker: " + honest;
            };
          }
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          return CompletableFuture.supplyAsync(() -> invoke(honest, method, args), executor)
              .thenCompose(future -> future);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  @SuppressWarnings("unchecked")
  private static CompletableFuture<Object> invoke(Object target, Method method, Object[] args) {
    try {
      return (CompletableFuture<Object>) method.invoke(target, args);
    } catch (InvocationTargetException e) {
      return CompletableFuture.failedFuture(e.getCause());
    } catch (IllegalAccessException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
