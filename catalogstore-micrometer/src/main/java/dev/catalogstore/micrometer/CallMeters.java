package dev.catalogstore.micrometer;

import dev.catalogstore.api.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.lang.reflect.Method;

/**
 * The registry and options of one decorated store; makes the {@link MethodMeters} of each method.
 */
final class CallMeters {
  private final MeterRegistry registry;
  private final MetricsOptions options;

  CallMeters(MeterRegistry registry, MetricsOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /** The meters of {@code method} of facet {@code facet}. */
  MethodMeters forMethod(String facet, Method method) {
    Tags tags =
        options
            .tags()
            .and(
                CatalogStoreMetrics.FACET_TAG,
                facet,
                CatalogStoreMetrics.METHOD_TAG,
                method.getName());
    return new MethodMeters(
        registry,
        tags,
        options.tenantTag() ? tenantArgument(method) : MethodMeters.NO_TENANT_TAG,
        options.percentileHistogram());
  }

  /**
   * The position of {@code method}'s tenant, its first {@link TenantId} parameter; {@link
   * MethodMeters#NO_TENANT_ARGUMENT} if it has none.
   */
  private static int tenantArgument(Method method) {
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (types[i] == TenantId.class) {
        return i;
      }
    }
    return MethodMeters.NO_TENANT_ARGUMENT;
  }
}
