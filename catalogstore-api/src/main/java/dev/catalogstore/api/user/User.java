package dev.catalogstore.api.user;

import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's account in one tenant. The store keeps no password or other credential of a user:
 * authentication is the service's (an identity provider, or tokens recorded with {@code tokens()}).
 *
 * @param id the user's id
 * @param tenant the tenant it belongs to
 * @param username its name, unique within the tenant (two tenants may both have {@code admin})
 * @param email its email address, if one is known
 * @param displayName its display name, if one is set
 * @param roleKind its kind; {@link RoleKind#ROOT} only in the system tenant
 * @param active whether it may act; an inactive user's tokens no longer validate
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record User(
    UserId id,
    TenantId tenant,
    String username,
    Optional<String> email,
    Optional<String> displayName,
    RoleKind roleKind,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
