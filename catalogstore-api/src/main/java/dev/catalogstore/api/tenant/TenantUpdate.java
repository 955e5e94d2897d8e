package dev.catalogstore.api.tenant;

import dev.catalogstore.api.common.PropertyUpdate;
import java.util.Optional;

/**
 * A change to a tenant: optionally a new name, and a change to its properties. Build one with
 * {@link #builder()}.
 */
public final class TenantUpdate {
  private final String name;
  private final PropertyUpdate properties;

  private TenantUpdate(String name, PropertyUpdate properties) {
    this.name = name;
    this.properties = properties;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The new name, if the tenant is renamed. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The change to the tenant's properties. */
  public PropertyUpdate properties() {
    return properties;
  }

  @Override
  public String toString() {
    return "TenantUpdate[name=" + name + ", properties=" + properties + "]";
  }

  /** Builds a {@link TenantUpdate}; unset parts change nothing. */
  public static final class Builder {
    private String name;
    private PropertyUpdate properties = PropertyUpdate.NONE;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder properties(PropertyUpdate properties) {
      this.properties = properties;
      return this;
    }

    public TenantUpdate build() {
      return new TenantUpdate(name, properties);
    }
  }
}
