package dev.catalogstore.api.settings;

import dev.catalogstore.api.common.PropertyUpdate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial change to a tenant's settings: what is not named is unchanged. Build one with {@link
 * #builder()}.
 *
 * <p>This is a plain carrier: the store validates it, under {@code update}. The default retention
 * must be zero or positive and at most {@link #MAX_RETENTION} ({@code update.defaultRetention});
 * the default warehouse must be a valid name ({@code update.defaultWarehouse}) of an existing
 * warehouse of the tenant ({@code NotFoundException}, {@code WAREHOUSE}); the change to the extra
 * settings follows the rules of a property update, and the extra settings stored after it the
 * limits of a property map ({@code update.extra}).
 */
public final class SettingsUpdate {
  /** The longest default retention a tenant may set: a hundred years of 365 days. */
  public static final Duration MAX_RETENTION = Duration.ofDays(36_500);

  private final Boolean allowPublicSigning;
  private final Duration defaultRetention;
  private final String defaultWarehouse;
  private final boolean clearDefaultWarehouse;
  private final PropertyUpdate extra;

  private SettingsUpdate(Builder builder) {
    this.allowPublicSigning = builder.allowPublicSigning;
    this.defaultRetention = builder.defaultRetention;
    this.defaultWarehouse = builder.defaultWarehouse;
    this.clearDefaultWarehouse = builder.clearDefaultWarehouse;
    this.extra = builder.extra;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether public signing becomes allowed or not, if this update says. */
  public Optional<Boolean> allowPublicSigning() {
    return Optional.ofNullable(allowPublicSigning);
  }

  /** The new default retention, if this update sets one. */
  public Optional<Duration> defaultRetention() {
    return Optional.ofNullable(defaultRetention);
  }

  /** The new default warehouse, if this update sets one. */
  public Optional<String> defaultWarehouse() {
    return Optional.ofNullable(defaultWarehouse);
  }

  /** Whether this update removes the default warehouse. */
  public boolean clearsDefaultWarehouse() {
    return clearDefaultWarehouse;
  }

  /** The change to the extra settings; {@link PropertyUpdate#NONE} changes none. */
  public PropertyUpdate extra() {
    return extra;
  }

  @Override
  public String toString() {
    return "SettingsUpdate[allowPublicSigning="
        + allowPublicSigning
        + ", defaultRetention="
        + defaultRetention
        + ", defaultWarehouse="
        + (clearDefaultWarehouse ? "<cleared>" : defaultWarehouse)
        + ", extra="
        + extra
        + "]";
  }

  /** Builds a {@link SettingsUpdate}; unset parts change nothing, and the last call wins. */
  public static final class Builder {
    private Boolean allowPublicSigning;
    private Duration defaultRetention;
    private String defaultWarehouse;
    private boolean clearDefaultWarehouse;
    private PropertyUpdate extra = PropertyUpdate.NONE;

    private Builder() {}

    public Builder allowPublicSigning(boolean allow) {
      this.allowPublicSigning = allow;
      return this;
    }

    public Builder defaultRetention(Duration retention) {
      this.defaultRetention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /** Sets the default warehouse, undoing an earlier {@link #clearDefaultWarehouse()}. */
    public Builder defaultWarehouse(String warehouse) {
      this.defaultWarehouse = Objects.requireNonNull(warehouse, "warehouse");
      this.clearDefaultWarehouse = false;
      return this;
    }

    /** Removes the default warehouse, undoing an earlier {@link #defaultWarehouse(String)}. */
    public Builder clearDefaultWarehouse() {
      this.defaultWarehouse = null;
      this.clearDefaultWarehouse = true;
      return this;
    }

    public Builder extra(PropertyUpdate change) {
      this.extra = Objects.requireNonNull(change, "change");
      return this;
    }

    public SettingsUpdate build() {
      return new SettingsUpdate(this);
    }
  }
}
