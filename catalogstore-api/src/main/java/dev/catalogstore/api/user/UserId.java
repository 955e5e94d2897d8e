package dev.catalogstore.api.user;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a user of one tenant. An id of one tenant used under another behaves as if it did not
 * exist.
 *
 * @param value the UUID
 */
public record UserId(UUID value) {
  public UserId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form. */
  public static UserId parse(String value) {
    return new UserId(UUID.fromString(value));
  }

  /** The canonical lowercase UUID form; lists ordered by id follow this string's order. */
  @Override
  public String toString() {
    return value.toString();
  }
}
