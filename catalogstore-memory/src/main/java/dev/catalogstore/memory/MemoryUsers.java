package dev.catalogstore.memory;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.api.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Users in memory, per tenant by id and by username. A deletion removes, under the same lock, the
 * user's assignments, direct permissions and tokens (releasing the tokens' digests).
 *
 * <p>Cost: a get or find is a hash or tree lookup; a list page O(log n + page size).
 */
final class MemoryUsers implements Users {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryUsers(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<User> create(TenantId tenant, NewUser user) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          GovernanceRequests.newUser(tenant, user, "user");
          return registry.write(
              tenant,
              state -> {
                AccessState access = state.access();
                if (access.userNamed(user.username()) != null) {
                  throw Taken.username(user.username());
                }
                Instant now = Timestamps.now(clock);
                User created =
                    new User(
                        freshId(access),
                        tenant,
                        user.username(),
                        user.email(),
                        user.displayName(),
                        user.roleKind(),
                        user.active(),
                        now,
                        now);
                access.putUser(created);
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<User>> get(TenantId tenant, UserId user) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          return registry.find(tenant, state -> Optional.ofNullable(state.access().user(user)));
        });
  }

  @Override
  public CompletableFuture<Optional<User>> findByUsername(TenantId tenant, String username) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(username, "username");
          return registry.find(
              tenant,
              state ->
                  Optional.ofNullable(state.access().userNamed(username))
                      .map(state.access()::user));
        });
  }

  @Override
  public CompletableFuture<Page<User>> list(TenantId tenant, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.users(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state ->
                  query.page(
                      SortedReads.fetch(state.access().usersByName(), cursor).stream()
                          .map(state.access()::user)
                          .toList(),
                      cursor,
                      User::username));
        });
  }

  @Override
  public CompletableFuture<User> update(TenantId tenant, UserId user, UserUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          GovernanceRequests.userUpdate(tenant, update, "update");
          return registry.write(
              tenant,
              state -> {
                User current = state.access().requireUser(user);
                User next =
                    new User(
                        current.id(),
                        tenant,
                        current.username(),
                        update.clearsEmail() ? Optional.empty() : update.email().or(current::email),
                        update.clearsDisplayName()
                            ? Optional.empty()
                            : update.displayName().or(current::displayName),
                        update.roleKind().orElse(current.roleKind()),
                        update.active().orElse(current.active()),
                        current.createdAt(),
                        Timestamps.notBefore(clock, current.updatedAt()));
                state.access().putUser(next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, UserId user) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          return registry.write(
              tenant,
              state -> {
                state.access().requireUser(user);
                state.access().removeUser(user);
                state.credentials().removeTokensOf(user);
                return null;
              });
        });
  }

  private static UserId freshId(AccessState access) {
    UserId id;
    do {
      id = UserId.random();
    } while (access.user(id) != null);
    return id;
  }
}
