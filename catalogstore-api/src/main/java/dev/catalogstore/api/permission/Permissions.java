package dev.catalogstore.api.permission;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import java.util.concurrent.CompletableFuture;

/**
 * The permissions facet ({@code store.permissions()}): direct grants to users, and the effective
 * grants of a user, direct and from its roles. Deciding whether a user may act is {@link
 * dev.catalogstore.api.spi.PermissionResolver}'s, over what {@link #listUserPermissions} returns,
 * so every service decides the same way.
 *
 * <p>A grant's scope always carries its tenant, which must be the tenant the call is made under,
 * and names an existing catalog of it (for every scope but a tenant scope): a scope of another
 * tenant, or naming a catalog the tenant does not have, fails with {@code NotFoundException}
 * ({@code TENANT} for a tenant scope, {@code CATALOG} otherwise), exactly as if it named nothing.
 * Grants on namespaces, assets and tags are by name and outlive those; grants on a catalog's
 * contents go with the catalog (see {@link dev.catalogstore.api.role.Roles}).
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: {@code grant} is
 * idempotent (a retry returns the permission the first attempt made) and so is {@code revoke} (a
 * retry completes with {@code false}): both are safe to retry.
 */
public interface Permissions {
  /**
   * Grants {@code grant} to {@code user} directly. Idempotent: if the user already holds an equal
   * direct grant (the same scope and the same set of actions, where any set holding {@link
   * Action#ALL} equals any other holding it), that permission is returned and nothing changes. A
   * backend whose equal grant keeps being revoked by others while this call runs may fail with the
   * retryable {@code ConflictException} rather than wait for them. Fails with {@code
   * NotFoundException} ({@code USER}, then the scope's {@code TENANT} or {@code CATALOG}).
   */
  CompletableFuture<Permission> grant(TenantId tenant, UserId user, Grant grant);

  /**
   * Revokes a direct permission. Idempotent: revoking one that does not exist (never did, already
   * revoked, or another tenant's) succeeds and changes nothing. Completes with whether this call
   * removed it. Fails with {@code NotFoundException} only if the tenant does not exist.
   */
  CompletableFuture<Boolean> revoke(TenantId tenant, PermissionId permission);

  /** The tenant's direct permissions, of every user, by id (in its string form), keyset-paged. */
  CompletableFuture<Page<Permission>> list(TenantId tenant, PageRequest page);

  /**
   * What {@code user} holds: its direct permissions and every grant of every role assigned to it,
   * each with a stable id and its origin, by id (in its string form), keyset-paged. A grant held
   * both directly and through roles is listed once per origin; two grants of one role that are
   * equal (see {@link #grant}) share their id and are listed once, as the later of the two. Whether
   * the user is active does not matter here. Fails with {@code NotFoundException} ({@code USER}) if
   * the tenant has no such user.
   */
  CompletableFuture<Page<EffectivePermission>> listUserPermissions(
      TenantId tenant, UserId user, PageRequest page);
}
