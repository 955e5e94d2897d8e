package dev.catalogstore.api.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The digest the contract expects of a secret (an API key, a token) before the store sees it:
 * SHA-256 of the secret's UTF-8 bytes, as 64 lowercase hex digits. A plain fast hash is right here,
 * unlike for passwords, because the secrets are high-entropy random values (at least 128 bits) that
 * cannot be guessed, so a lookup by digest is safe and can be one indexed read. A service that
 * wants a keyed digest (HMAC-SHA-256 or -512 with a server-side pepper) may compute it itself: the
 * store accepts any digest of 32 to 64 bytes in lowercase hex, see {@link #isDigest}.
 */
public final class SecretDigests {
  /** The fewest hex digits a digest may have: 32 bytes. */
  public static final int MIN_HEX_DIGITS = 64;

  /** The most hex digits a digest may have: 64 bytes. */
  public static final int MAX_HEX_DIGITS = 128;

  private SecretDigests() {}

  /** SHA-256 of {@code secret}'s UTF-8 bytes, as lowercase hex. */
  public static String sha256Hex(String secret) {
    Objects.requireNonNull(secret, "secret");
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Whether {@code value} is a digest the store accepts: an even number of lowercase hex digits,
   * from {@value #MIN_HEX_DIGITS} to {@value #MAX_HEX_DIGITS}.
   */
  public static boolean isDigest(String value) {
    if (value == null
        || value.length() < MIN_HEX_DIGITS
        || value.length() > MAX_HEX_DIGITS
        || value.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
