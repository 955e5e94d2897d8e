package dev.catalogstore.micrometer;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one facet method, and how a call of it is recorded. Without a tenant tag the meters
 * are held ready: the success timer from the start, those of each failure type from its first
 * occurrence, so recording a call allocates no tags. With one, they depend on the call's tenant and
 * are looked up in the registry on each call.
 *
 * <p>No method here but {@link #start()} throws: whatever the registry or a meter throws is
 * reported to {@link MeterFailures} and the call goes on unrecorded.
 */
final class MethodMeters {
  /** {@code tenantArgument} when meters have no tenant tag. */
  static final int NO_TENANT_TAG = -2;

  /** {@code tenantArgument} of a method without a tenant parameter, when they have one. */
  static final int NO_TENANT_ARGUMENT = -1;

  private final MeterRegistry registry;
  private final Tags tags;
  private final int tenantArgument;
  private final boolean percentileHistogram;

  /** Null with a tenant tag. */
  private final Timer success;

  /** By the class of the failure, unwrapped; used only without a tenant tag. */
  private final ConcurrentMap<Class<?>, Failure> failures = new ConcurrentHashMap<>();

  private record Failure(Timer timer, Counter counter) {}

  /**
   * @param tags the tags of every meter of the method (the options' tags, facet and method)
   * @param tenantArgument the position of the tenant among the arguments; {@link #NO_TENANT_TAG},
   *     or {@link #NO_TENANT_ARGUMENT} for a method without one
   */
  MethodMeters(MeterRegistry registry, Tags tags, int tenantArgument, boolean percentileHistogram) {
    this.registry = registry;
    this.tags = tags;
    this.tenantArgument = tenantArgument;
    this.percentileHistogram = percentileHistogram;
    // Registered now, so that a refusing registry shows at decoration, and every method is visible
    // in the registry before its first call.
    this.success =
        tenantArgument == NO_TENANT_TAG ? timer(tags, CatalogStoreMetrics.SUCCESS) : null;
  }

  /**
   * The start of a call, by the registry's clock.
   *
   * @throws RuntimeException whatever the clock throws: the caller then makes the call unrecorded
   */
  long start() {
    return registry.config().clock().monotonicTime();
  }

  void recordSuccess(Object[] args, long start) {
    try {
      Timer timer =
          success != null ? success : timer(tenantTags(args), CatalogStoreMetrics.SUCCESS);
      timer.record(elapsed(start), TimeUnit.NANOSECONDS);
    } catch (RuntimeException | LinkageError e) {
      MeterFailures.report(e);
    }
  }

  void recordFailure(Object[] args, long start, Throwable failure) {
    try {
      Throwable unwrapped = Outcomes.unwrap(failure);
      Class<?> type = unwrapped.getClass();
      Failure meters =
          tenantArgument == NO_TENANT_TAG
              ? failures.computeIfAbsent(type, t -> failureMeters(tags, Outcomes.name(t)))
              : failureMeters(tenantTags(args, unwrapped), Outcomes.name(type));
      meters.timer.record(elapsed(start), TimeUnit.NANOSECONDS);
      meters.counter.increment();
    } catch (RuntimeException | LinkageError e) {
      MeterFailures.report(e);
    }
  }

  /** A broken backend returned null instead of a future: a failure of its own kind. */
  void recordNullFuture(Object[] args, long start) {
    try {
      Tags callTags = tenantArgument == NO_TENANT_TAG ? tags : tenantTags(args);
      Failure meters = failureMeters(callTags, CatalogStoreMetrics.NULL_FUTURE);
      meters.timer.record(elapsed(start), TimeUnit.NANOSECONDS);
      meters.counter.increment();
    } catch (RuntimeException | LinkageError e) {
      MeterFailures.report(e);
    }
  }

  private long elapsed(long start) {
    return registry.config().clock().monotonicTime() - start;
  }

  private Tags tenantTags(Object[] args) {
    Object tenant = tenantArgument >= 0 ? args[tenantArgument] : null;
    return tags.and(
        CatalogStoreMetrics.TENANT_TAG,
        tenant == null ? CatalogStoreMetrics.NO_TENANT : tenant.toString());
  }

  /**
   * The tenant tags of a failed call; {@value CatalogStoreMetrics#NO_TENANT} when it failed because
   * its tenant does not exist, so that ids no tenant has (mistyped, made up, of deleted tenants) do
   * not each add series that stay in the registry.
   */
  private Tags tenantTags(Object[] args, Throwable unwrapped) {
    return unwrapped instanceof NotFoundException notFound
            && notFound.missing() == ObjectType.TENANT
        ? tags.and(CatalogStoreMetrics.TENANT_TAG, CatalogStoreMetrics.NO_TENANT)
        : tenantTags(args);
  }

  private Failure failureMeters(Tags callTags, String outcome) {
    return new Failure(
        timer(callTags, outcome),
        Counter.builder(CatalogStoreMetrics.ERRORS)
            .description("CatalogStore calls that failed, by failure type")
            .tags(callTags)
            .tag(CatalogStoreMetrics.OUTCOME_TAG, outcome)
            .register(registry));
  }

  private Timer timer(Tags callTags, String outcome) {
    return Timer.builder(CatalogStoreMetrics.CALLS)
        .description("CatalogStore calls, from the call until its future completes")
        .tags(callTags)
        .tag(CatalogStoreMetrics.OUTCOME_TAG, outcome)
        .publishPercentileHistogram(percentileHistogram)
        .register(registry);
  }
}
