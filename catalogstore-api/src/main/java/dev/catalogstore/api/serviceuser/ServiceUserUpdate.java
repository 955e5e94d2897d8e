package dev.catalogstore.api.serviceuser;

import dev.catalogstore.api.user.RoleKind;
import java.time.Instant;
import java.util.Optional;

/**
 * A change to a service user: any of a new name, a new description, being active or not, a new
 * expiry (or none) and a new role kind. What is not named is unchanged; the API key's digest is not
 * changed by an update. Build one with {@link #builder()}.
 */
public final class ServiceUserUpdate {
  private final String name;
  private final String description;
  private final Boolean active;
  private final Instant expiresAt;
  private final boolean clearExpiry;
  private final RoleKind roleKind;

  private ServiceUserUpdate(Builder builder) {
    this.name = builder.name;
    this.description = builder.description;
    this.active = builder.active;
    this.expiresAt = builder.expiresAt;
    this.clearExpiry = builder.clearExpiry;
    this.roleKind = builder.roleKind;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The new name, if it is renamed. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The new description, if it changes. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Whether it becomes active or inactive, if this update says. */
  public Optional<Boolean> active() {
    return Optional.ofNullable(active);
  }

  /** The new expiry, if this update sets one. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** Whether this update removes the expiry, so that the key never expires. */
  public boolean clearsExpiry() {
    return clearExpiry;
  }

  /** The new role kind, if it changes. */
  public Optional<RoleKind> roleKind() {
    return Optional.ofNullable(roleKind);
  }

  @Override
  public String toString() {
    return "ServiceUserUpdate[name="
        + name
        + ", description="
        + description
        + ", active="
        + active
        + ", expiresAt="
        + (clearExpiry ? "<never>" : expiresAt)
        + ", roleKind="
        + roleKind
        + "]";
  }

  /** Builds a {@link ServiceUserUpdate}; unset parts change nothing, the last call on one wins. */
  public static final class Builder {
    private String name;
    private String description;
    private Boolean active;
    private Instant expiresAt;
    private boolean clearExpiry;
    private RoleKind roleKind;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Sets the expiry; {@code null} removes it, as {@link #neverExpires()} does. */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      this.clearExpiry = expiresAt == null;
      return this;
    }

    /** Removes the expiry. */
    public Builder neverExpires() {
      this.expiresAt = null;
      this.clearExpiry = true;
      return this;
    }

    /** Sets the role kind; {@link RoleKind#ROOT} only in the system tenant. */
    public Builder roleKind(RoleKind roleKind) {
      this.roleKind = roleKind;
      return this;
    }

    public ServiceUserUpdate build() {
      return new ServiceUserUpdate(this);
    }
  }
}
