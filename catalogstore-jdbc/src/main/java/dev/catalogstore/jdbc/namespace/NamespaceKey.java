package dev.catalogstore.jdbc.namespace;

import dev.catalogstore.api.namespace.NamespacePath;
import java.nio.ByteBuffer;
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
  private NamespaceKey() {}

  /** The key of {@code path}. */
  public static byte[] of(NamespacePath path) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
    for (String segment : path.segments()) {
      byte[] utf8 = segment.getBytes(StandardCharsets.UTF_8);
      sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
      sha256.update(utf8);
    }
    return sha256.digest();
  }

  /** The key of {@code path}'s parent; {@code null} for a top-level path: it has no parent row. */
  public static byte[] ofParent(NamespacePath path) {
    return path.depth() <= 1 ? null : of(path.parent());
  }
}
