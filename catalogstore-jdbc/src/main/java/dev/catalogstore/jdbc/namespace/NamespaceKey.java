package dev.catalogstore.jdbc.namespace;

import dev.catalogstore.api.namespace.NamespacePath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed-size key under which a namespace path is indexed ({@code namespaces.path_key} and
 * {@code parent_key}): SHA-256 over the path's segments, each as its UTF-8 length (4 bytes) and
 * bytes, so that {@code ["a.b"]} and {@code ["a", "b"]} differ. A path of 32 segments of 255
 * characters would not fit a B-tree entry; its key always does. Statements compare the path array
 * as well, so correctness never rests on the hash alone.
 */
public final class NamespaceKey {
  /**
   * A fresh digest, copied for each key: cloning skips the provider look-up of {@link
   * MessageDigest#getInstance}, which costs more than hashing a short path (every statement that
   * finds a namespace computes a key).
   */
  private static final MessageDigest PROTOTYPE = sha256();

  private NamespaceKey() {}

  /** The key of {@code path}. */
  public static byte[] of(NamespacePath path) {
    MessageDigest sha256 = copy();
    byte[] length = new byte[Integer.BYTES];
    for (String segment : path.segments()) {
      byte[] utf8 = segment.getBytes(StandardCharsets.UTF_8);
      length[0] = (byte) (utf8.length >>> 24);
      length[1] = (byte) (utf8.length >>> 16);
      length[2] = (byte) (utf8.length >>> 8);
      length[3] = (byte) utf8.length;
      sha256.update(length);
      sha256.update(utf8);
    }
    return sha256.digest();
  }

  private static MessageDigest copy() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      // A provider whose digest cannot be cloned: look it up each time instead.
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** The key of {@code path}'s parent; {@code null} for a top-level path: it has no parent row. */
  public static byte[] ofParent(NamespacePath path) {
    return path.depth() <= 1 ? null : of(path.parent());
  }
}
