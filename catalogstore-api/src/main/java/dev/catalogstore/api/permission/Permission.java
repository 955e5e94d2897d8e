package dev.catalogstore.api.permission;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import java.time.Instant;

/**
 * A direct permission: one grant given to one user of the tenant, outside any role.
 *
 * @param id its id
 * @param tenant the tenant it belongs to, always its grant's scope's tenant
 * @param user the user holding it
 * @param grant what it allows
 * @param createdAt when it was granted
 */
public record Permission(
    PermissionId id, TenantId tenant, UserId user, Grant grant, Instant createdAt) {}
