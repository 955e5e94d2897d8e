package dev.catalogstore.api.serviceuser;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a service user (a program authenticating by API key) of one tenant.
 *
 * @param value the UUID
 */
public record ServiceUserId(UUID value) {
  public ServiceUserId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static ServiceUserId random() {
    return new ServiceUserId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form. */
  public static ServiceUserId parse(String value) {
    return new ServiceUserId(UUID.fromString(value));
  }

  /** The canonical lowercase UUID form; lists ordered by id follow this string's order. */
  @Override
  public String toString() {
    return value.toString();
  }
}
