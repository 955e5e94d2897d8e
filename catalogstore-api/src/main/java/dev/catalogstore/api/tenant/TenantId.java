package dev.catalogstore.api.tenant;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a tenant, the unit of isolation: nothing of one tenant is observable or changeable
 * through another.
 *
 * @param value the tenant's UUID
 */
public record TenantId(UUID value) {
  /** The reserved tenant that holds platform (root) users. It always exists. */
  public static final TenantId SYSTEM = new TenantId(new UUID(0L, 0L));

  public TenantId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static TenantId random() {
    return new TenantId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form. */
  public static TenantId parse(String value) {
    return new TenantId(UUID.fromString(value));
  }

  /** Whether this is {@link #SYSTEM}. */
  public boolean isSystem() {
    return equals(SYSTEM);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
