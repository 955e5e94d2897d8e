package dev.catalogstore.api.role;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The roles facet ({@code store.roles()}): named sets of grants of a tenant, and their assignment
 * to users. Role names are unique per tenant. A role's or user's id used under another tenant
 * behaves exactly as if it did not exist.
 *
 * <p>A role's grants go with the catalog they name: deleting a catalog removes, atomically, every
 * grant naming it from every role (and every direct permission naming it), so a catalog created
 * later under the same name starts with no grants.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own role; {@code update}
 * sets values and is safe to apply again; a retried {@code delete} that fails with {@code
 * NotFoundException} landed; {@code assign} and {@code revoke} are idempotent, so a retry is safe
 * (it then completes with {@code false}).
 */
public interface Roles {
  /**
   * Creates a role with a fresh id, stamped now. Fails with {@code AlreadyExistsException} if the
   * tenant has a role of that name, and with {@code NotFoundException} if the tenant does not exist
   * or a grant's scope names a catalog the tenant does not have or another tenant ({@code CATALOG},
   * or {@code TENANT} for a tenant scope of another tenant).
   */
  CompletableFuture<Role> create(TenantId tenant, NewRole role);

  /** Reads a role; empty if the tenant has no role of that id. */
  CompletableFuture<Optional<Role>> get(TenantId tenant, RoleId role);

  /** Finds the tenant's role named {@code name}, compared exactly; empty if there is none. */
  CompletableFuture<Optional<Role>> findByName(TenantId tenant, String name);

  /** Lists the tenant's roles by name in code-point order, keyset-paged. */
  CompletableFuture<Page<Role>> list(TenantId tenant, PageRequest page);

  /**
   * Changes what {@code update} names and stamps {@code updatedAt}; the grants, when replaced, are
   * validated as {@link #create} does. Fails with {@code NotFoundException} ({@code ROLE}) if the
   * tenant has no such role, {@code AlreadyExistsException} if another role has the new name.
   */
  CompletableFuture<Role> update(TenantId tenant, RoleId role, RoleUpdate update);

  /**
   * Deletes a role and, atomically, all its assignments. Fails with {@code NotFoundException}
   * ({@code ROLE}) if the tenant has no such role.
   */
  CompletableFuture<Void> delete(TenantId tenant, RoleId role);

  /**
   * Assigns {@code role} to {@code user}. Idempotent: assigning a role the user already has
   * succeeds and changes nothing. Completes with whether this call made the assignment. Fails with
   * {@code NotFoundException} ({@code ROLE} or {@code USER}, role first) if either is not the
   * tenant's.
   */
  CompletableFuture<Boolean> assign(TenantId tenant, RoleId role, UserId user);

  /**
   * Takes {@code role} from {@code user}. Idempotent: revoking a role the user does not have
   * succeeds and changes nothing. Completes with whether this call removed an assignment. Fails
   * with {@code NotFoundException} ({@code ROLE} or {@code USER}, role first) if either is not the
   * tenant's.
   */
  CompletableFuture<Boolean> revoke(TenantId tenant, RoleId role, UserId user);

  /**
   * The roles assigned to {@code user}, by name in code-point order, keyset-paged. Fails with
   * {@code NotFoundException} ({@code USER}) if the tenant has no such user.
   */
  CompletableFuture<Page<Role>> listUserRoles(TenantId tenant, UserId user, PageRequest page);

  /**
   * The users assigned {@code role}, by username in code-point order, keyset-paged. Fails with
   * {@code NotFoundException} ({@code ROLE}) if the tenant has no such role.
   */
  CompletableFuture<Page<User>> listRoleUsers(TenantId tenant, RoleId role, PageRequest page);
}
