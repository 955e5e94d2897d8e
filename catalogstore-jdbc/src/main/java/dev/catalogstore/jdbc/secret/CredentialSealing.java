package dev.catalogstore.jdbc.secret;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.jdbc.sql.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns credentials (a warehouse's, or a federated catalog's connector's) into the bytes of their
 * {@code bytea} column and back, through the configured {@link SecretCodec}: the JSON of the
 * credential map, sealed with the tenant and the owner's name as context (for example {@code
 * catalogstore/warehouse-credentials/<tenant>/<warehouse>}), so a value copied into another row
 * does not open. Warehouse and catalog names never change, so the context of a row never does.
 *
 * <p>No credentials are stored as SQL NULL. Without a codec, a store refuses to write credentials
 * ({@link PreconditionFailedException}), never falling back to plain text; reading a row whose
 * credentials cannot be opened (no codec, unknown key, tampered value) fails the same way. No
 * message names a credential's value, nor its keys.
 */
public final class CredentialSealing {
  /** Whose credentials a column holds: the context's prefix and the words of the messages. */
  public enum Owner {
    /** A warehouse's credentials ({@code warehouses.credentials}). */
    WAREHOUSE("catalogstore/warehouse-credentials/", "warehouse", "warehouse credentials"),
    /** A federated catalog's connector credentials ({@code catalogs.connector_credentials}). */
    CONNECTOR("catalogstore/connector-credentials/", "catalog", "connector credentials");

    private final String context;
    private final String noun;
    private final String what;

    Owner(String context, String noun, String what) {
      this.context = context;
      this.noun = noun;
      this.what = what;
    }
  }

  private final Optional<SecretCodec> codec;
  private final Owner owner;

  public CredentialSealing(Optional<SecretCodec> codec, Owner owner) {
    this.codec = codec;
    this.owner = owner;
  }

  /** Fails, before anything is written, if {@code credentials} could not be sealed. */
  public void checkSealable(Credentials credentials) {
    if (!credentials.values().isEmpty() && codec.isEmpty()) {
      throw new PreconditionFailedException(
          owner.what
              + " cannot be stored: this store has no SecretCodec configured "
              + "(JdbcStoreConfig.Builder.secretCodec), and it never stores secrets in plain text");
    }
  }

  /** The column value for {@code credentials} of {@code name}: sealed bytes, or null for none. */
  public byte[] seal(TenantId tenant, String name, Credentials credentials) {
    checkSealable(credentials);
    if (credentials.values().isEmpty()) {
      return null;
    }
    return codec.orElseThrow().seal(Json.writeBytes(credentials.values()), context(tenant, name));
  }

  /** The credentials a column value of {@code name} holds. */
  public Credentials open(TenantId tenant, String name, byte[] sealed) {
    if (sealed == null) {
      return Credentials.NONE;
    }
    if (codec.isEmpty()) {
      throw new PreconditionFailedException(
          "the "
              + owner.what
              + " of "
              + owner.noun
              + " '"
              + name
              + "' are sealed, but this store has no SecretCodec configured to open them");
    }
    byte[] json;
    try {
      json = codec.get().open(sealed, context(tenant, name));
    } catch (IllegalStateException e) {
      throw new PreconditionFailedException(
          "the "
              + owner.what
              + " of "
              + owner.noun
              + " '"
              + name
              + "' cannot be opened: "
              + e.getMessage());
    }
    return Credentials.of(Json.read(json));
  }

  /** Binds a sealed value to its row. The tenant id has a fixed length, so this is unambiguous. */
  private byte[] context(TenantId tenant, String name) {
    return (owner.context + tenant.value() + "/" + name).getBytes(StandardCharsets.UTF_8);
  }
}
