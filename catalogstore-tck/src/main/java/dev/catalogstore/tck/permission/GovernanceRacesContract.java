package dev.catalogstore.tck.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.PermissionOrigin;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.tck.AccessSuite;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.ConcurrentCalls.Outcome;
import dev.catalogstore.tck.Race;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Users, roles and assignments under concurrent writers, on the store and its peer: of racing
 * creates of one username exactly one wins; an assignment racing the deletion of its role either
 * lands before it (and goes with it) or fails as {@code NotFound} ({@code ROLE}), so no user is
 * ever left assigned a deleted role.
 */
public abstract class GovernanceRacesContract extends AccessSuite {
  /** Rounds of the assignment race: each one a fresh role and fresh users. */
  private static final int ROUNDS = 5;

  @Test
  void racingCreatesOfOneUsernameHaveExactlyOneWinner() {
    TenantId tenant = newTenant();

    List<Race.Outcome<User>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .users()
                    .create(
                        tenant,
                        NewUser.of("alice", RoleKind.TENANT_USER)
                            .withDisplayName("racer " + racer)));

    User winner = Race.assertOneWinner(outcomes, AlreadyExistsException.class).value();
    assertThat(users(tenant)).containsExactly(winner);
    assertThat(await(store().users().findByUsername(tenant, "alice"))).contains(winner);
  }

  @Test
  void anAssignmentRacingItsRolesDeletionNeverOutlivesTheRole() {
    TenantId tenant = newTenant();
    List<User> users = new ArrayList<>();
    for (int i = 0; i < Race.RACERS - 1; i++) {
      users.add(newUser(tenant, "user-" + i));
    }

    for (int round = 0; round < ROUNDS; round++) {
      Role role = newRole(tenant, "role-" + round, on(new TenantScope(tenant), Action.READ));
      int deleter = Race.RACERS - 1;

      ConcurrentCalls.race(
          Race.RACERS,
          racer -> {
            if (racer == deleter) {
              await(storeOf(racer).roles().delete(tenant, role.id()));
              return null;
            }
            Outcome.of(
                    () -> storeOf(racer).roles().assign(tenant, role.id(), users.get(racer).id()))
                .failure(NotFoundException.class)
                .ifPresent(
                    e ->
                        assertThat(e.missing())
                            .as("what an assignment after the deletion misses")
                            .isEqualTo(ObjectType.ROLE));
            return null;
          });

      for (User user : users) {
        assertThat(userRoles(tenant, user.id()))
            .as("the roles of %s after round %d", user.username(), round)
            .isEmpty();
        assertThat(effective(tenant, user.id()))
            .as("the grants of %s after round %d", user.username(), round)
            .noneMatch(e -> isFromRole(e, role));
      }
    }
  }

  private static boolean isFromRole(EffectivePermission permission, Role role) {
    return permission.origin().equals(PermissionOrigin.role(role.id()));
  }
}
