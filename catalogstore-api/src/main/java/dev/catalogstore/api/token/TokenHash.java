package dev.catalogstore.api.token;

import dev.catalogstore.api.spi.SecretDigests;

/**
 * The digest of a token (a bearer token, a session token, a JWT): all the store ever receives and
 * keeps of the token. The expected digest is SHA-256 of the token's UTF-8 bytes in lowercase hex
 * ({@link #sha256Of}); a token has at least 128 bits of entropy (a signed JWT, or a random value),
 * so that its digest cannot be reversed by guessing. A keyed digest (HMAC with a server-side
 * pepper) of 32 to 64 bytes is accepted too; see {@link SecretDigests}.
 *
 * <p>A digest names at most one token in the whole store, whatever its tenant, so that {@code
 * tokens().validate} can find the tenant from the token alone.
 *
 * @param hex the digest in lowercase hex; validated by the store ({@code InvalidArgumentException}
 *     on the parameter's field for anything else), kept as given so that validation can name it
 */
public record TokenHash(String hex) {
  /** The expected digest of {@code token}: SHA-256 of its UTF-8 bytes, lowercase hex. */
  public static TokenHash sha256Of(String token) {
    return new TokenHash(SecretDigests.sha256Hex(token));
  }

  /** The digest as given, which must be lowercase hex. */
  public static TokenHash ofHex(String hex) {
    return new TokenHash(hex);
  }

  /** Shows only the digest's first digits, so that logs never hold a whole one. */
  @Override
  public String toString() {
    return "TokenHash["
        + (hex == null ? "null" : hex.substring(0, Math.min(8, hex.length())) + "…")
        + "]";
  }
}
