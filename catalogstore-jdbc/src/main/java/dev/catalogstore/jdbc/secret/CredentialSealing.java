package dev.catalogstore.jdbc.warehouse;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.jdbc.secret.SecretCodec;
import dev.catalogstore.jdbc.sql.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a warehouse's credentials into the bytes of its {@code credentials} column and back,
 * through the configured {@link SecretCodec}: the JSON of the credential map, sealed with the
 * tenant and warehouse name as context, so a value copied into another row does not open.
 *
 * <p>No credentials are stored as SQL NULL. Without a codec, a store refuses to write credentials
 * ({@link PreconditionFailedException}), never falling back to plain text; reading a row whose
 * credentials cannot be opened (no codec, unknown key, tampered value) fails the same way.
 */
final class CredentialSealing {
  private final Optional<SecretCodec> codec;

  CredentialSealing(Optional<SecretCodec> codec) {
    this.codec = codec;
  }

  /** Fails, before anything is written, if {@code credentials} could not be sealed. */
  void checkSealable(Credentials credentials) {
    if (!credentials.values().isEmpty() && codec.isEmpty()) {
      throw new PreconditionFailedException(
          "warehouse credentials cannot be stored: this store has no SecretCodec configured "
              + "(JdbcStoreConfig.Builder.secretCodec), and it never stores secrets in plain text");
    }
  }

  /** The column value for {@code credentials}: sealed bytes, or {@code null} for none. */
  byte[] seal(TenantId tenant, String warehouse, Credentials credentials) {
    checkSealable(credentials);
    if (credentials.values().isEmpty()) {
      return null;
    }
    return codec
        .orElseThrow()
        .seal(Json.writeBytes(credentials.values()), context(tenant, warehouse));
  }

  /** The credentials a column value holds. */
  Credentials open(TenantId tenant, String warehouse, byte[] sealed) {
    if (sealed == null) {
      return Credentials.NONE;
    }
    if (codec.isEmpty()) {
      throw new PreconditionFailedException(
          "the credentials of warehouse '"
              + warehouse
              + "' are sealed, but this store has no "
              + "SecretCodec configured to open them");
    }
    byte[] json;
    try {
      json = codec.get().open(sealed, context(tenant, warehouse));
    } catch (IllegalStateException e) {
      throw new PreconditionFailedException(
          "the credentials of warehouse '" + warehouse + "' cannot be opened: " + e.getMessage());
    }
    return Credentials.of(Json.read(json));
  }

  /** Binds a sealed value to its row. The tenant id has a fixed length, so this is unambiguous. */
  private static byte[] context(TenantId tenant, String warehouse) {
    return ("catalogstore/warehouse-credentials/" + tenant.value() + "/" + warehouse)
        .getBytes(StandardCharsets.UTF_8);
  }
}
