package dev.catalogstore.api.permission;

/**
 * One grant a user holds, directly or through a role: an entry of {@code
 * permissions().listUserPermissions}. Decide what the grants allow with {@link
 * dev.catalogstore.api.spi.PermissionResolver}.
 *
 * @param id a stable id: the direct permission's own id, or for a role's grant an id derived from
 *     the role's id and the grant, the same as long as the role holds that grant
 * @param grant what it allows
 * @param origin where it comes from
 */
public record EffectivePermission(PermissionId id, Grant grant, PermissionOrigin origin) {}
