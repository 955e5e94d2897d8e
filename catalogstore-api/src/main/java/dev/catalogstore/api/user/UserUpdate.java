package dev.catalogstore.api.user;

import java.util.Optional;

/**
 * A change to a user: any of a new email (or none), a new display name (or none), being active or
 * not, and a new role kind. What is not named is unchanged; a user's username and id never change.
 * Build one with {@link #builder()}.
 */
public final class UserUpdate {
  private final String email;
  private final boolean clearEmail;
  private final String displayName;
  private final boolean clearDisplayName;
  private final Boolean active;
  private final RoleKind roleKind;

  private UserUpdate(Builder builder) {
    this.email = builder.email;
    this.clearEmail = builder.clearEmail;
    this.displayName = builder.displayName;
    this.clearDisplayName = builder.clearDisplayName;
    this.active = builder.active;
    this.roleKind = builder.roleKind;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The new email, if it is set by this update. */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /** Whether this update removes the email. */
  public boolean clearsEmail() {
    return clearEmail;
  }

  /** The new display name, if it is set by this update. */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /** Whether this update removes the display name. */
  public boolean clearsDisplayName() {
    return clearDisplayName;
  }

  /** Whether the user becomes active or inactive, if this update says. */
  public Optional<Boolean> active() {
    return Optional.ofNullable(active);
  }

  /** The new role kind, if this update changes it. */
  public Optional<RoleKind> roleKind() {
    return Optional.ofNullable(roleKind);
  }

  @Override
  public String toString() {
    return "UserUpdate[email="
        + (clearEmail ? "<cleared>" : email)
        + ", displayName="
        + (clearDisplayName ? "<cleared>" : displayName)
        + ", active="
        + active
        + ", roleKind="
        + roleKind
        + "]";
  }

  /** Builds a {@link UserUpdate}; unset parts change nothing, and the last call on a part wins. */
  public static final class Builder {
    private String email;
    private boolean clearEmail;
    private String displayName;
    private boolean clearDisplayName;
    private Boolean active;
    private RoleKind roleKind;

    private Builder() {}

    /** Sets the email; {@code null} removes it, as {@link #clearEmail()} does. */
    public Builder email(String email) {
      this.email = email;
      this.clearEmail = email == null;
      return this;
    }

    /** Removes the email. */
    public Builder clearEmail() {
      this.email = null;
      this.clearEmail = true;
      return this;
    }

    /** Sets the display name; {@code null} removes it, as {@link #clearDisplayName()} does. */
    public Builder displayName(String displayName) {
      this.displayName = displayName;
      this.clearDisplayName = displayName == null;
      return this;
    }

    /** Removes the display name. */
    public Builder clearDisplayName() {
      this.displayName = null;
      this.clearDisplayName = true;
      return this;
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Sets the role kind; {@link RoleKind#ROOT} only in the system tenant. */
    public Builder roleKind(RoleKind roleKind) {
      this.roleKind = roleKind;
      return this;
    }

    public UserUpdate build() {
      return new UserUpdate(this);
    }
  }
}
