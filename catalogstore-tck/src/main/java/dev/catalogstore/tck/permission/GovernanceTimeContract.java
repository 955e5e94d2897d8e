package dev.catalogstore.tck.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.tck.TimeSuite;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Time of the users, roles and permissions facets: their timestamps come from the store's clock,
 * cut to microseconds; every kind of update moves {@code updatedAt} and keeps {@code createdAt}; a
 * refused update leaves them as they were; and a clock set back never stamps a change before the
 * object's previous stamp (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class GovernanceTimeContract extends TimeSuite {
  @Test
  void aUserIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    User created = await(store().users().create(tenant, NewUser.of("alice", RoleKind.TENANT_USER)));
    clock.advance(LATER);
    User updated =
        await(
            store()
                .users()
                .update(tenant, created.id(), UserUpdate.builder().email("a@example.com").build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void everyKindOfUserUpdateMovesUpdatedAtAndKeepsCreatedAt() {
    TenantId tenant = newTenant();
    User created =
        await(
            store()
                .users()
                .create(
                    tenant,
                    NewUser.of("alice", RoleKind.TENANT_USER)
                        .withEmail("a@example.com")
                        .withDisplayName("Alice")));
    List<UserUpdate> updates =
        List.of(
            UserUpdate.builder().email("b@example.com").build(),
            UserUpdate.builder().clearEmail().build(),
            UserUpdate.builder().displayName("Al").build(),
            UserUpdate.builder().clearDisplayName().build(),
            UserUpdate.builder().active(false).build(),
            UserUpdate.builder().roleKind(RoleKind.TENANT_ADMIN).build(),
            UserUpdate.builder().build());

    for (int i = 0; i < updates.size(); i++) {
      clock.advance(LATER);
      User updated = await(store().users().update(tenant, created.id(), updates.get(i)));

      assertThat(updated.createdAt()).as("createdAt after %s", updates.get(i)).isEqualTo(T0_MICROS);
      assertThat(updated.updatedAt())
          .as("updatedAt after %s", updates.get(i))
          .isEqualTo(T0_MICROS.plus(LATER.multipliedBy(i + 1)));
      assertThat(await(store().users().get(tenant, created.id()))).contains(updated);
    }
  }

  @Test
  void everyKindOfRoleUpdateMovesUpdatedAtAndKeepsCreatedAt() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "lake");
    Grant read = Grant.of(new CatalogScope(tenant, "lake"), Action.READ);
    Role created = await(store().roles().create(tenant, NewRole.of("reader", read)));
    assertThat(created.createdAt()).isEqualTo(T0_MICROS);
    assertThat(created.updatedAt()).isEqualTo(T0_MICROS);
    List<RoleUpdate> updates =
        List.of(
            RoleUpdate.builder().name("analyst").build(),
            RoleUpdate.builder().description("reads").build(),
            RoleUpdate.builder()
                .grants(Set.of(read, Grant.of(new TenantScope(tenant), Action.LIST)))
                .build(),
            RoleUpdate.builder().grants(Set.of()).build(),
            RoleUpdate.builder().build());

    for (int i = 0; i < updates.size(); i++) {
      clock.advance(LATER);
      Role updated = await(store().roles().update(tenant, created.id(), updates.get(i)));

      assertThat(updated.createdAt()).as("createdAt after %s", updates.get(i)).isEqualTo(T0_MICROS);
      assertThat(updated.updatedAt())
          .as("updatedAt after %s", updates.get(i))
          .isEqualTo(T0_MICROS.plus(LATER.multipliedBy(i + 1)));
      assertThat(await(store().roles().get(tenant, created.id()))).contains(updated);
    }
  }

  @Test
  void aPermissionIsStampedWhenGrantedAndAnEqualGrantKeepsItsStamp() {
    TenantId tenant = newTenant();
    User alice = await(store().users().create(tenant, NewUser.of("alice", RoleKind.TENANT_USER)));
    Grant grant = Grant.of(new TenantScope(tenant), Action.READ, Action.LIST);
    Permission granted = await(store().permissions().grant(tenant, alice.id(), grant));
    clock.advance(LATER);

    Permission again =
        await(
            store()
                .permissions()
                .grant(
                    tenant,
                    alice.id(),
                    Grant.of(new TenantScope(tenant), Action.LIST, Action.READ)));

    assertThat(granted.createdAt()).isEqualTo(T0_MICROS);
    assertThat(again.createdAt())
        .as("createdAt of the same grant, given again")
        .isEqualTo(T0_MICROS);
  }

  @Test
  void aRefusedUpdateLeavesTheTimestampsAsTheyWere() {
    TenantId tenant = newTenant();
    User alice = await(store().users().create(tenant, NewUser.of("alice", RoleKind.TENANT_USER)));
    Role reader = await(store().roles().create(tenant, NewRole.of("reader")));
    await(store().roles().create(tenant, NewRole.of("writer")));
    clock.advance(LATER);

    assertFails(
        InvalidArgumentException.class,
        () ->
            store()
                .users()
                .update(
                    tenant,
                    alice.id(),
                    UserUpdate.builder().email("a@example.com").roleKind(RoleKind.ROOT).build()));
    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .roles()
                .update(
                    tenant,
                    reader.id(),
                    RoleUpdate.builder().description("x").name("writer").build()));

    assertThat(await(store().users().get(tenant, alice.id()))).contains(alice);
    assertThat(await(store().roles().get(tenant, reader.id()))).contains(reader);
  }

  @Test
  void aClockSetBackNeverStampsAChangeBeforeThePreviousStamp() {
    clock.freezeAt(T0.plus(LATER));
    Instant stamped = T0_MICROS.plus(LATER);
    TenantId tenant = newTenant();
    User alice = await(store().users().create(tenant, NewUser.of("alice", RoleKind.TENANT_USER)));
    Role reader = await(store().roles().create(tenant, NewRole.of("reader")));

    clock.freezeAt(T0);
    User user =
        await(
            store()
                .users()
                .update(tenant, alice.id(), UserUpdate.builder().displayName("Alice").build()));
    Role role =
        await(
            store()
                .roles()
                .update(tenant, reader.id(), RoleUpdate.builder().description("reads").build()));

    assertThat(List.of(user.createdAt(), user.updatedAt(), role.createdAt(), role.updatedAt()))
        .as("createdAt and updatedAt of a user and a role changed with the clock set back")
        .containsOnly(stamped);
  }
}
