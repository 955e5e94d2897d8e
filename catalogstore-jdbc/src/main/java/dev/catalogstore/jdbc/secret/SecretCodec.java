package dev.catalogstore.jdbc.secret;

/**
 * Seals secrets (warehouse credentials, and federated catalogs' connector credentials) before the
 * store writes them and opens them after it reads them, so that the database never holds them in
 * plain text.
 *
 * <p>The store passes a {@code context} with every call: bytes that name where the value belongs
 * (what kind of secret, the tenant, and the warehouse or catalog). An implementation must bind the
 * sealed value to it (for example as AEAD associated data), so that a sealed value copied into
 * another tenant's row does not open.
 *
 * <p>Configure one with {@code JdbcStoreConfig.Builder.secretCodec}: normally {@link
 * AesGcmSecretCodec}. {@link #plaintextForTesting()} exists for tests and demos only. A store
 * without a codec keeps working for warehouses and connectors without credentials and refuses to
 * store any.
 *
 * <p>Implementations must be thread-safe.
 */
public interface SecretCodec {
  /**
   * Seals {@code plaintext} for storage.
   *
   * @param plaintext the secret bytes
   * @param context where the value belongs; must be given again to {@link #open}
   * @return the sealed value, self-describing enough for {@link #open} (format, key id)
   */
  byte[] seal(byte[] plaintext, byte[] context);

  /**
   * Opens a value that {@link #seal} produced with the same {@code context}.
   *
   * @throws IllegalStateException if the value cannot be opened: unknown format or key id, tampered
   *     bytes, or another context
   */
  byte[] open(byte[] sealed, byte[] context);

  /** A short description for logs, never containing key material, for example the active key id. */
  String describe();

  /**
   * A codec that stores secrets <b>in plain text</b>, marked as such. For tests and demos only: the
   * store logs a warning at start-up when it is configured. Values it wrote are refused by {@link
   * AesGcmSecretCodec}, and the reverse.
   */
  static SecretCodec plaintextForTesting() {
    return PlaintextForTestingCodec.INSTANCE;
  }
}
