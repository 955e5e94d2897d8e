package dev.catalogstore.api.serviceuser;

import dev.catalogstore.api.user.RoleKind;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link ServiceUsers#create} needs. Build one with {@link #of} and the {@code with…} methods.
 * A service user is created active.
 *
 * @param name its name, under the rules of names, unique within the tenant
 * @param description free text up to 4096 characters; may be empty
 * @param roleKind its kind; {@link RoleKind#ROOT} only in the system tenant
 * @param apiKeyHash the digest of its API key (see {@link ApiKeyHash}), unique in the whole store
 * @param expiresAt when its key stops being accepted, if ever; kept to the microsecond (finer
 *     digits are dropped), between years 1 and 9999
 */
public record NewServiceUser(
    String name,
    String description,
    RoleKind roleKind,
    ApiKeyHash apiKeyHash,
    Optional<Instant> expiresAt) {

  /** A service user without description that never expires. */
  public static NewServiceUser of(String name, RoleKind roleKind, ApiKeyHash apiKeyHash) {
    return new NewServiceUser(name, "", roleKind, apiKeyHash, Optional.empty());
  }

  /** This service user with {@code description}. */
  public NewServiceUser withDescription(String description) {
    return new NewServiceUser(name, description, roleKind, apiKeyHash, expiresAt);
  }

  /** This service user, expiring at {@code expiresAt}. */
  public NewServiceUser expiringAt(Instant expiresAt) {
    return new NewServiceUser(
        name, description, roleKind, apiKeyHash, Optional.ofNullable(expiresAt));
  }

  /** Shows the digest only abbreviated, as {@link ApiKeyHash#toString()} does. */
  @Override
  public String toString() {
    return "NewServiceUser[name="
        + name
        + ", description="
        + description
        + ", roleKind="
        + roleKind
        + ", apiKeyHash="
        + apiKeyHash
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
