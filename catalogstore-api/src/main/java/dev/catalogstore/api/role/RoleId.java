package dev.catalogstore.api.role;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a role of one tenant. An id of one tenant used under another behaves as if it did not
 * exist.
 *
 * @param value the UUID
 */
public record RoleId(UUID value) {
  public RoleId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static RoleId random() {
    return new RoleId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form. */
  public static RoleId parse(String value) {
    return new RoleId(UUID.fromString(value));
  }

  /** The canonical lowercase UUID form; lists ordered by id follow this string's order. */
  @Override
  public String toString() {
    return value.toString();
  }
}
