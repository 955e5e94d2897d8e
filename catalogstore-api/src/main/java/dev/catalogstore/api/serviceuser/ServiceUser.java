package dev.catalogstore.api.serviceuser;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import java.time.Instant;
import java.util.Optional;

/**
 * A program that authenticates to the service with an API key. It holds no key and no digest of
 * one: the store never returns either.
 *
 * @param id its id
 * @param tenant the tenant it belongs to
 * @param name its name, unique within the tenant
 * @param description free text; empty if none was given
 * @param roleKind its kind; {@link RoleKind#ROOT} only in the system tenant
 * @param active whether its key is accepted
 * @param expiresAt when its key stops being accepted, if ever: from that instant on, included
 * @param lastUsedAt when its use was last recorded, if ever
 * @param createdAt when it was created
 * @param updatedAt when it was last changed (recording a use is not a change)
 */
public record ServiceUser(
    ServiceUserId id,
    TenantId tenant,
    String name,
    String description,
    RoleKind roleKind,
    boolean active,
    Optional<Instant> expiresAt,
    Optional<Instant> lastUsedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** Whether its key is accepted at {@code now}: active and not expired at that instant. */
  public boolean acceptsKeyAt(Instant now) {
    return active && expiresAt.map(now::isBefore).orElse(true);
  }
}
