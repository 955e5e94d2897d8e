package dev.catalogstore.api.token;

import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;

/**
 * The record that a token id of a tenant is revoked. It is in force until {@code expiresAt}, never
 * earlier than the expiry of the recorded token it revokes; {@code tokens().cleanupExpired} removes
 * it afterwards.
 *
 * @param token the revoked token's id
 * @param tenant the tenant it belongs to
 * @param reason why it was revoked
 * @param revokedAt when it was revoked
 * @param expiresAt until when the revocation is in force and kept
 */
public record Revocation(
    TokenId token, TenantId tenant, String reason, Instant revokedAt, Instant expiresAt) {}
