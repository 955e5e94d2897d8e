package dev.catalogstore.api.token;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a token of one tenant; chosen by the caller when the token is recorded, so that it can
 * be the token's own id claim (a JWT's {@code jti}) and a token can be revoked by id without the
 * token itself.
 *
 * @param value the UUID
 */
public record TokenId(UUID value) {
  public TokenId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static TokenId random() {
    return new TokenId(UUID.randomUUID());
  }

  /** Parses the canonical UUID form. */
  public static TokenId parse(String value) {
    return new TokenId(UUID.fromString(value));
  }

  /** The canonical lowercase UUID form; lists ordered by id follow this string's order. */
  @Override
  public String toString() {
    return value.toString();
  }
}
