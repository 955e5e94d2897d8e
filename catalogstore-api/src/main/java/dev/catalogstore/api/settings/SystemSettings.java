package dev.catalogstore.api.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's system settings. A tenant that never changed them has {@link #DEFAULTS}.
 *
 * @param allowPublicSigning whether the catalog service may hand out signed URLs to anonymous
 *     readers; off unless switched on
 * @param defaultRetention how long table history is kept by default, for a maintenance run that
 *     does not name its own retention; {@link #DEFAULT_RETENTION} unless set
 * @param defaultWarehouse the warehouse new catalogs use when none is named; none unless set, and
 *     when set it names a warehouse of the tenant, which cannot be deleted while it is the default
 * @param extra free-form settings of the service around the store, under the rules of a property
 *     map
 * @param updatedAt when the settings were last changed; empty while they are the defaults never
 *     changed
 */
public record SystemSettings(
    boolean allowPublicSigning,
    Duration defaultRetention,
    Optional<String> defaultWarehouse,
    Map<String, String> extra,
    Optional<Instant> updatedAt) {
  /**
   * The default retention: five days, as Iceberg's own default for the age of snapshots kept
   * ({@code history.expire.max-snapshot-age-ms}).
   */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(5);

  /** The settings of a tenant that never changed them. */
  public static final SystemSettings DEFAULTS =
      new SystemSettings(false, DEFAULT_RETENTION, Optional.empty(), Map.of(), Optional.empty());

  public SystemSettings {
    Objects.requireNonNull(defaultRetention, "defaultRetention");
    Objects.requireNonNull(defaultWarehouse, "defaultWarehouse");
    extra = Map.copyOf(extra);
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
