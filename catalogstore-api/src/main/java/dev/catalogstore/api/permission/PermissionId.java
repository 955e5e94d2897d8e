package dev.catalogstore.api.permission;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a permission: a direct grant to a user, or (in {@link EffectivePermission}) one grant
 * of a role, whose id is derived from the role's id and the grant so that it is stable as long as
 * the role holds that grant.
 *
 * @param value the UUID
 */
public record PermissionId(UUID value) {
  public PermissionId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static PermissionId random() {
    return new PermissionId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form. */
  public static PermissionId parse(String value) {
    return new PermissionId(UUID.fromString(value));
  }

  /** The canonical lowercase UUID form; lists ordered by id follow this string's order. */
  @Override
  public String toString() {
    return value.toString();
  }
}
