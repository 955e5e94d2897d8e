package dev.catalogstore.api.permission;

import dev.catalogstore.api.role.RoleId;

/** Where a user's effective grant comes from: a direct permission, or one of the user's roles. */
public sealed interface PermissionOrigin
    permits PermissionOrigin.Direct, PermissionOrigin.FromRole {
  /** The grant is a direct permission of the user, whose id the effective permission carries. */
  record Direct() implements PermissionOrigin {}

  /**
   * The grant is one of the grants of a role assigned to the user.
   *
   * @param role the role
   */
  record FromRole(RoleId role) implements PermissionOrigin {}

  /** The origin of a direct permission. */
  static PermissionOrigin direct() {
    return new Direct();
  }

  /** The origin of a grant of {@code role}. */
  static PermissionOrigin role(RoleId role) {
    return new FromRole(role);
  }
}
