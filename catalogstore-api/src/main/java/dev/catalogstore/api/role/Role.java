package dev.catalogstore.api.role;

import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A named set of grants of one tenant; a user assigned the role holds its grants (see {@code
 * permissions().listUserPermissions}).
 *
 * @param id the role's id
 * @param tenant the tenant it belongs to
 * @param name its name, unique within the tenant
 * @param description free text; empty if none was given
 * @param grants what the role allows, each grant's scope in the role's tenant, in the order they
 *     were given when the role was created or its grants last replaced
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Role(
    RoleId id,
    TenantId tenant,
    String name,
    String description,
    Set<Grant> grants,
    Instant createdAt,
    Instant updatedAt) {
  public Role {
    grants = Collections.unmodifiableSet(new LinkedHashSet<>(grants));
  }
}
