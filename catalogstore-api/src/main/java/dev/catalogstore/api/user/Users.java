package dev.catalogstore.api.user;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The users facet ({@code store.users()}): the people of a tenant. Usernames are unique per tenant,
 * not across the store. Platform (root) users live in the system tenant {@link TenantId#SYSTEM} and
 * are reachable only through it.
 *
 * <p>A user's id used under another tenant behaves exactly as if it did not exist: a get is empty,
 * a change is a {@code NotFoundException} with {@code missing()} {@code USER}.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own user (compare it, by
 * username, with what was sent); {@code update} sets values and is safe to apply again; a retried
 * {@code delete} that fails with {@code NotFoundException} landed.
 */
public interface Users {
  /**
   * Creates a user with a fresh id, stamped now. Fails with {@code AlreadyExistsException} if the
   * tenant has a user of that username, {@code NotFoundException} if the tenant does not exist, and
   * {@code InvalidArgumentException} on {@code user.roleKind} for {@link RoleKind#ROOT} outside the
   * system tenant.
   */
  CompletableFuture<User> create(TenantId tenant, NewUser user);

  /** Reads a user; empty if the tenant has no user of that id. */
  CompletableFuture<Optional<User>> get(TenantId tenant, UserId user);

  /** Finds the tenant's user of {@code username}, compared exactly; empty if there is none. */
  CompletableFuture<Optional<User>> findByUsername(TenantId tenant, String username);

  /**
   * Lists the tenant's users by username in code-point order, keyset-paged. Fails with {@code
   * NotFoundException} if the tenant does not exist.
   */
  CompletableFuture<Page<User>> list(TenantId tenant, PageRequest page);

  /**
   * Changes what {@code update} names and stamps {@code updatedAt}; the rest is unchanged. Fails
   * with {@code NotFoundException} ({@code USER}) if the tenant has no such user, and {@code
   * InvalidArgumentException} on {@code update.roleKind} for {@link RoleKind#ROOT} outside the
   * system tenant.
   */
  CompletableFuture<User> update(TenantId tenant, UserId user, UserUpdate update);

  /**
   * Deletes a user with, atomically, its role assignments, its direct permissions and its tokens.
   * Its username is free again afterwards. Fails with {@code NotFoundException} ({@code USER}) if
   * the tenant has no such user.
   */
  CompletableFuture<Void> delete(TenantId tenant, UserId user);
}
