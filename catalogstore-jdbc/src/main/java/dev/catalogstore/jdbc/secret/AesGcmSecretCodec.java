package dev.catalogstore.jdbc.secret;

import dev.catalogstore.api.error.InvalidArgumentException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-GCM ({@code javax.crypto}, no other dependency).
 *
 * <p>A sealed value is {@code [format 0x01][key id][96-bit random nonce][ciphertext][128-bit tag]}.
 * The format byte and key id, and the store's context (kind of secret, tenant, and warehouse or
 * catalog), are authenticated as associated data: a value altered in any byte, or moved to another
 * row, does not open.
 *
 * <p><b>Keys and rotation.</b> Keys are 128, 192 or 256 bits, each with an id from 0 to 255 that is
 * stored with every value. New values are sealed with the active key; values sealed earlier open
 * with whichever configured key their id names. To rotate, configure a new active key and keep the
 * old one as a {@linkplain Builder#previousKey previous key}; rewriting a warehouse.s or a
 * connector.s credentials seals them with the new key. A fresh random nonce per value keeps one key
 * safe for about 2<sup>32</sup> sealed values.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AesGcmSecretCodec implements SecretCodec {
  private static final byte FORMAT = 1;
  private static final int HEADER_BYTES = 2;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final int activeKeyId;
  private final Map<Integer, SecretKey> keys;
  private final SecureRandom random = new SecureRandom();

  private AesGcmSecretCodec(int activeKeyId, Map<Integer, SecretKey> keys) {
    this.activeKeyId = activeKeyId;
    this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  /**
   * A codec with one key.
   *
   * @param keyId the key's id, 0 to 255, stored with every value it seals
   * @param key 16, 24 or 32 bytes of key material (copied)
   */
  public static AesGcmSecretCodec of(int keyId, byte[] key) {
    return builder().activeKey(keyId, key).build();
  }

  /** A codec with one key given in base64, as keys are usually kept in secret stores. */
  public static AesGcmSecretCodec ofBase64(int keyId, String base64Key) {
    return of(keyId, decode(base64Key, "activeKey"));
  }

  /** Starts a codec with an active key and, after a rotation, previous keys. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public byte[] seal(byte[] plaintext, byte[] context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] header = {FORMAT, (byte) activeKeyId};
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      cipher.updateAAD(context);
      byte[] ciphertext = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + ciphertext.length)
          .put(header)
          .put(nonce)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e, e);
    }
  }

  @Override
  public byte[] open(byte[] sealed, byte[] context) {
    if (sealed.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("the sealed value is truncated");
    }
    if (sealed[0] != FORMAT) {
      throw new IllegalStateException(
          "the value was not sealed by AesGcmSecretCodec (format byte "
              + Byte.toUnsignedInt(sealed[0])
              + ")");
    }
    int keyId = Byte.toUnsignedInt(sealed[1]);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException(
          "the value was sealed with key id "
              + keyId
              + ", which is not configured (configured: "
              + keys.keySet()
              + ")");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, sealed, HEADER_BYTES, NONCE_BYTES));
      cipher.updateAAD(sealed, 0, HEADER_BYTES);
      cipher.updateAAD(context);
      int offset = HEADER_BYTES + NONCE_BYTES;
      return cipher.doFinal(sealed, offset, sealed.length - offset);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "the value does not open with key id "
              + keyId
              + ": it was altered, or sealed for another row",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e, e);
    }
  }

  @Override
  public String describe() {
    return "AES-GCM (active key id " + activeKeyId + ", key ids " + keys.keySet() + ")";
  }

  @Override
  public String toString() {
    return "AesGcmSecretCodec[" + describe() + "]";
  }

  private static byte[] decode(String base64Key, String field) {
    if (base64Key == null) {
      throw new InvalidArgumentException(field, "is required");
    }
    try {
      return Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException(field, "is not valid base64");
    }
  }

  /**
   * Builds an {@link AesGcmSecretCodec}. {@link #build()} fails with {@link
   * InvalidArgumentException} naming {@code activeKey} or {@code previousKey} on a missing key, an
   * id outside 0 to 255, a key of the wrong length, or an id given twice.
   */
  public static final class Builder {
    private Integer activeKeyId;
    private final Map<Integer, SecretKey> keys = new TreeMap<>();

    private Builder() {}

    /** The key that seals new values; it also opens values sealed with its id. */
    public Builder activeKey(int keyId, byte[] key) {
      if (activeKeyId != null) {
        throw new InvalidArgumentException("activeKey", "is already set (id " + activeKeyId + ")");
      }
      add(keyId, key, "activeKey");
      activeKeyId = keyId;
      return this;
    }

    /** A key that no longer seals, but still opens the values sealed with its id. */
    public Builder previousKey(int keyId, byte[] key) {
      add(keyId, key, "previousKey");
      return this;
    }

    /** {@link #previousKey(int, byte[])} with the key in base64. */
    public Builder previousKeyBase64(int keyId, String base64Key) {
      return previousKey(keyId, decode(base64Key, "previousKey"));
    }

    public AesGcmSecretCodec build() {
      if (activeKeyId == null) {
        throw new InvalidArgumentException("activeKey", "is required");
      }
      return new AesGcmSecretCodec(activeKeyId, keys);
    }

    private void add(int keyId, byte[] key, String field) {
      if (keyId < 0 || keyId > 255) {
        throw new InvalidArgumentException(field, "key id must be 0 to 255, not " + keyId);
      }
      if (key == null) {
        throw new InvalidArgumentException(field, "key is required");
      }
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new InvalidArgumentException(
            field, "an AES key is 16, 24 or 32 bytes, not " + key.length);
      }
      if (keys.containsKey(keyId)) {
        throw new InvalidArgumentException(field, "key id " + keyId + " is given twice");
      }
      keys.put(keyId, new SecretKeySpec(key, "AES"));
    }
  }
}
