package dev.catalogstore.micrometer;

import dev.catalogstore.api.error.InvalidArgumentException;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Set;

/**
 * How {@link CatalogStoreMetrics#decorate} measures a store. Immutable; {@link #defaults()} has no
 * tenant tag, no tags of your own and no percentile histogram.
 */
public final class MetricsOptions {
  private static final Set<String> OWN_TAG_KEYS =
      Set.of(
          CatalogStoreMetrics.FACET_TAG,
          CatalogStoreMetrics.METHOD_TAG,
          CatalogStoreMetrics.OUTCOME_TAG,
          CatalogStoreMetrics.TENANT_TAG);

  private static final MetricsOptions DEFAULTS = builder().build();

  private final boolean tenantTag;
  private final Tags tags;
  private final boolean percentileHistogram;

  private MetricsOptions(Builder builder) {
    this.tenantTag = builder.tenantTag;
    this.tags = builder.tags;
    this.percentileHistogram = builder.percentileHistogram;
  }

  /** No tenant tag, no tags of your own, no percentile histogram. */
  public static MetricsOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether every meter is tagged with the call's tenant; see {@link Builder#tenantTag}. */
  public boolean tenantTag() {
    return tenantTag;
  }

  /** The tags of your own added to every meter; see {@link Builder#tags}. */
  public Tags tags() {
    return tags;
  }

  /** Whether the timers publish a percentile histogram; see {@link Builder#percentileHistogram}. */
  public boolean percentileHistogram() {
    return percentileHistogram;
  }

  @Override
  public String toString() {
    return "MetricsOptions[tenantTag="
        + tenantTag
        + ", tags="
        + tags
        + ", percentileHistogram="
        + percentileHistogram
        + "]";
  }

  /** Collects options; each setter replaces what was set before. */
  public static final class Builder {
    private boolean tenantTag;
    private Tags tags = Tags.empty();
    private boolean percentileHistogram;

    private Builder() {}

    /**
     * Whether to tag every meter with {@value CatalogStoreMetrics#TENANT_TAG}: the id of the call's
     * tenant (its first {@code TenantId} argument), or {@value CatalogStoreMetrics#NO_TENANT} for a
     * method that names none ({@code tenants().create}, {@code tokens().validate}, ...) or a null
     * one. Off by default: it multiplies the series by the number of tenants, and a tenant's id in
     * a metrics system may be more than its operators should see. With it on, the meters of a call
     * are looked up in the registry on each call instead of being held ready, and none is
     * registered at decoration.
     *
     * <p>The tag's values come from the callers: every distinct id passed adds series that the
     * registry keeps until the application removes them, also an id no tenant has when the call
     * succeeds all the same (a get that finds nothing). A call that fails because its tenant does
     * not exist ({@code NotFoundException} missing {@code TENANT}) is tagged {@value
     * CatalogStoreMetrics#NO_TENANT} instead. Where callers can pass ids freely, bound the series
     * with a filter on the registry, set before decorating: {@code
     * registry.config().meterFilter(MeterFilter.maximumAllowableTags("catalogstore.", "tenant",
     * 1000, MeterFilter.deny()))} records the calls of the first 1000 tenant values and leaves the
     * others' unrecorded.
     */
    public Builder tenantTag(boolean enabled) {
      this.tenantTag = enabled;
      return this;
    }

    /**
     * Tags added to every meter, for example {@code store=primary} to tell apart two stores that
     * share a registry (without them, their calls add up in the same meters).
     *
     * @throws InvalidArgumentException on {@code options.tags} if null, or if a key is one the
     *     decorator sets itself ({@value CatalogStoreMetrics#FACET_TAG}, {@value
     *     CatalogStoreMetrics#METHOD_TAG}, {@value CatalogStoreMetrics#OUTCOME_TAG}, {@value
     *     CatalogStoreMetrics#TENANT_TAG})
     */
    public Builder tags(Iterable<Tag> tags) {
      CatalogStoreMetrics.requireNonNull(tags, "options.tags");
      for (Tag tag : tags) {
        CatalogStoreMetrics.requireNonNull(tag, "options.tags");
        if (OWN_TAG_KEYS.contains(tag.getKey())) {
          throw new InvalidArgumentException(
              "options.tags", "\"" + tag.getKey() + "\" is a tag the decorator sets itself");
        }
      }
      this.tags = Tags.of(tags);
      return this;
    }

    /**
     * Whether the timers publish a percentile histogram (for example Prometheus' {@code _bucket}
     * series, from which a server computes latency percentiles across instances). Off by default:
     * it adds a few dozen series per timer.
     */
    public Builder percentileHistogram(boolean enabled) {
      this.percentileHistogram = enabled;
      return this;
    }

    /** The options set. */
    public MetricsOptions build() {
      return new MetricsOptions(this);
    }
  }
}
