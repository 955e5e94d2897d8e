package dev.catalogstore.api.token;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import java.time.Instant;

/**
 * What the store keeps of a token: its metadata, never the token (and it never returns the token's
 * digest).
 *
 * @param id its id, chosen by the caller
 * @param tenant the tenant it belongs to
 * @param user the user it was issued to
 * @param issuedAt when it was recorded
 * @param expiresAt when it stops being valid: from that instant on, included
 */
public record Token(TokenId id, TenantId tenant, UserId user, Instant issuedAt, Instant expiresAt) {
  /** Whether it has expired at {@code now}: its expiry is {@code now} or earlier. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
