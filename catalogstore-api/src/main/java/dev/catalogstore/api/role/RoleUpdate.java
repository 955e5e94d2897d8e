package dev.catalogstore.api.role;

import dev.catalogstore.api.permission.Grant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A change to a role: any of a new name, a new description and a new set of grants, which replaces
 * the old set whole. What is not named is unchanged. Build one with {@link #builder()}.
 */
public final class RoleUpdate {
  private final String name;
  private final String description;
  private final Set<Grant> grants;
  private final boolean grantsSet;

  private RoleUpdate(Builder builder) {
    this.name = builder.name;
    this.description = builder.description;
    this.grants = builder.grants;
    this.grantsSet = builder.grantsSet;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The new name, if the role is renamed. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The new description, if it changes. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * Whether this update replaces the grants. When it does, {@link #grants()} is the new set, which
   * may be empty; it is {@code null} only if {@code null} was given, which the store refuses on
   * {@code update.grants}.
   */
  public boolean replacesGrants() {
    return grantsSet;
  }

  /** The new grants when {@link #replacesGrants()}; an empty set otherwise. */
  public Set<Grant> grants() {
    return grantsSet ? grants : Set.of();
  }

  @Override
  public String toString() {
    return "RoleUpdate[name="
        + name
        + ", description="
        + description
        + ", grants="
        + (grantsSet ? grants : "<unchanged>")
        + "]";
  }

  /** Builds a {@link RoleUpdate}; unset parts change nothing. */
  public static final class Builder {
    private String name;
    private String description;
    private Set<Grant> grants;
    private boolean grantsSet;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Replaces the role's grants with a copy of {@code grants} (keeping {@code null}s). */
    public Builder grants(Set<Grant> grants) {
      this.grants =
          grants == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(grants));
      this.grantsSet = true;
      return this;
    }

    public RoleUpdate build() {
      return new RoleUpdate(this);
    }
  }
}
