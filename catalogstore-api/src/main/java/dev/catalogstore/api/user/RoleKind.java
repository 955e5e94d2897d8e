package dev.catalogstore.api.user;

/**
 * The coarse kind of a user or service user, which a service checks before (or instead of) its
 * permissions: platform root, tenant administrator or plain tenant user.
 */
public enum RoleKind {
  /**
   * A platform (root) user: allowed only in the system tenant ({@link
   * dev.catalogstore.api.tenant.TenantId#SYSTEM}), so a root user is reachable only through it.
   * Giving this kind to a user or service user of any other tenant is an {@code
   * InvalidArgumentException} on its {@code roleKind} field.
   */
  ROOT,
  /** Administers one tenant. */
  TENANT_ADMIN,
  /** An ordinary user of one tenant, allowed what its roles and permissions grant. */
  TENANT_USER
}
