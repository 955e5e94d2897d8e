package dev.catalogstore.micrometer;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Decorates a {@link CatalogStore} so that every call of every facet method is timed and every
 * failure counted, by facet, method and outcome:
 *
 * <pre>{@code
 * CatalogStore metered = CatalogStoreMetrics.decorate(store, registry);
 * metered.assets().get(tenant, ref); // recorded in catalogstore.calls{facet=assets,method=get,...}
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>{@value #FACET_TAG}, {@value #METHOD_TAG},
 *       {@value #OUTCOME_TAG}</td><td>every call, from the call until its future completes (or
 *       until it returns or throws, for a method that returns no future)</td></tr>
 *   <tr><td>{@value #ERRORS}</td><td>counter</td><td>{@value #FACET_TAG}, {@value #METHOD_TAG},
 *       {@value #OUTCOME_TAG}</td><td>every call that failed: its future completed exceptionally, or
 *       it threw</td></tr>
 * </table>
 *
 * <p>{@value #FACET_TAG} is the store's accessor ({@code tenants}, {@code assets}, {@code audit},
 * ...), {@value #METHOD_TAG} the method's name (overloads share it: a call of a default method that
 * fills in an argument is recorded once, under the name called). {@value #OUTCOME_TAG} is {@value
 * #SUCCESS}, or the simple name of the failure's class, unwrapped from {@code CompletionException}:
 * {@code NotFoundException}, {@code ConflictException}, {@code UnavailableException}, ... (a broken
 * backend's {@code NullPointerException} too; {@value #NULL_FUTURE} for a method that returned null
 * instead of a future). No tag names a tenant unless {@link MetricsOptions.Builder#tenantTag} asks
 * for it; {@link MetricsOptions.Builder#tags} adds tags of your own to every meter.
 *
 * <p>The decorator is built from the shape of the contract, not from a list of methods: each facet
 * of {@link dev.catalogstore.api.spi.StoreFacets} is replaced by a {@link java.lang.reflect.Proxy}
 * of its interface, so a facet or a method added to the contract is measured without a change here.
 * Calls go to the decorated store's own facets; the returned future completes with the same value
 * or the same failure, after the call was recorded. Recording never fails a call: a meter or
 * registry that throws is logged (the first time as a warning) and the call's outcome is returned
 * as if nothing were measured. Without {@link MetricsOptions.Builder#tenantTag}, the success timers
 * of all methods are registered when the store is decorated (so a dashboard shows every method from
 * the start, and a call allocates no tags), those of each failure type on its first occurrence.
 * With it, a meter's tags depend on the call's tenant, so every meter, success timers included, is
 * registered on the first call that needs it.
 */
public final class CatalogStoreMetrics {
  /** The timer of every call. */
  public static final String CALLS = "catalogstore.calls";

  /** The counter of failed calls. */
  public static final String ERRORS = "catalogstore.errors";

  /** The tag naming the facet: the store's accessor, for example {@code assets}. */
  public static final String FACET_TAG = "facet";

  /** The tag naming the facet's method, for example {@code commitMetadataLocation}. */
  public static final String METHOD_TAG = "method";

  /** The tag of the outcome: {@value #SUCCESS}, or the failure's simple class name. */
  public static final String OUTCOME_TAG = "outcome";

  /** The tag of the call's tenant, only with {@link MetricsOptions.Builder#tenantTag}. */
  public static final String TENANT_TAG = "tenant";

  /** The outcome of a call that succeeded. */
  public static final String SUCCESS = "success";

  /** The outcome of a call to a broken backend that returned null instead of a future. */
  public static final String NULL_FUTURE = "NullFuture";

  /**
   * The tenant tag of a call that names no tenant, or a null one, or that failed because its tenant
   * does not exist ({@code NotFoundException} missing {@code TENANT}).
   */
  public static final String NO_TENANT = "none";

  private CatalogStoreMetrics() {}

  /** {@code store} measured into {@code registry} with {@link MetricsOptions#defaults()}. */
  public static CatalogStore decorate(CatalogStore store, MeterRegistry registry) {
    return decorate(store, registry, MetricsOptions.defaults());
  }

  /**
   * A store serving {@code store}'s facets, each call measured into {@code registry} as the class
   * describes. Closing it closes {@code store}.
   *
   * @throws InvalidArgumentException on {@code store}, {@code registry} or {@code options} if null
   * @throws RuntimeException whatever {@code registry} throws when it refuses to register the
   *     success timers (for example a meter of the same name with other tags): a setup error,
   *     reported here rather than on each call; only without {@link
   *     MetricsOptions.Builder#tenantTag}, which registers no meter here
   */
  public static CatalogStore decorate(
      CatalogStore store, MeterRegistry registry, MetricsOptions options) {
    requireNonNull(store, "store");
    requireNonNull(registry, "registry");
    requireNonNull(options, "options");
    CallMeters meters = new CallMeters(registry, options);
    return ComposedCatalogStore.decorate(store, facets -> MeteredFacets.of(facets, meters));
  }

  static void requireNonNull(Object value, String field) {
    if (value == null) {
      throw new InvalidArgumentException(field, "must not be null");
    }
  }
}
