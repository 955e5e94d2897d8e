package dev.catalogstore.tck.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.tck.AccessSuite;
import dev.catalogstore.tck.TckTime;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Specifies the users facet: a created user reads back exactly as given, through every read;
 * usernames are unique per tenant, never across tenants, and compared exactly; root users exist
 * only in the system tenant; an update changes only what it names and never the username; a delete
 * frees the username; a missing user reads as empty and is {@code NotFound} ({@code USER}) for a
 * change; users list by username in code-point order.
 */
public abstract class UserContract extends AccessSuite {
  @Test
  void aCreatedUserReadsBackEverythingGivenThroughEveryRead() {
    TenantId tenant = newTenant();

    User created =
        newUser(
            tenant,
            NewUser.of("alice", RoleKind.TENANT_ADMIN)
                .withEmail("alice@example.com")
                .withDisplayName("Alice Liddell")
                .inactive());

    assertThat(created.tenant()).isEqualTo(tenant);
    assertThat(created.username()).isEqualTo("alice");
    assertThat(created.email()).contains("alice@example.com");
    assertThat(created.displayName()).contains("Alice Liddell");
    assertThat(created.roleKind()).isEqualTo(RoleKind.TENANT_ADMIN);
    assertThat(created.active()).isFalse();
    TckTime.assertCreated(created.createdAt(), created.updatedAt());
    assertThat(await(store().users().get(tenant, created.id()))).contains(created);
    assertThat(await(store().users().findByUsername(tenant, "alice"))).contains(created);
    assertThat(users(tenant)).containsExactly(created);
  }

  @Test
  void aUserCreatedWithoutEmailOrDisplayNameReadsBackWithoutThem() {
    TenantId tenant = newTenant();

    User created = newUser(tenant, NewUser.of("bob", RoleKind.TENANT_USER));

    assertThat(created.email()).isEmpty();
    assertThat(created.displayName()).isEmpty();
    assertThat(created.roleKind()).isEqualTo(RoleKind.TENANT_USER);
    assertThat(created.active()).isTrue();
    assertThat(await(store().users().get(tenant, created.id()))).contains(created);
    assertThat(await(store().users().findByUsername(tenant, "bob"))).contains(created);
    assertThat(users(tenant)).containsExactly(created);
  }

  @Test
  void aTakenUsernameIsRefusedAndNothingChanges() {
    TenantId tenant = newTenant();
    User alice = newUser(tenant, NewUser.of("alice", RoleKind.TENANT_USER).withEmail("a@x.org"));

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .users()
                .create(
                    tenant,
                    NewUser.of("alice", RoleKind.TENANT_ADMIN)
                        .withEmail("other@x.org")
                        .withDisplayName("Another Alice")));

    assertThat(await(store().users().findByUsername(tenant, "alice"))).contains(alice);
    assertThat(users(tenant)).containsExactly(alice);
  }

  @Test
  void theSameUsernameWorksInTwoTenants() {
    TenantId first = newTenant();
    TenantId second = newTenant();

    User inFirst = newUser(first, "admin");
    User inSecond = newUser(second, "admin");

    assertThat(inSecond.id()).isNotEqualTo(inFirst.id());
    assertThat(await(store().users().findByUsername(first, "admin"))).contains(inFirst);
    assertThat(await(store().users().findByUsername(second, "admin"))).contains(inSecond);
    assertThat(users(first)).containsExactly(inFirst);
    assertThat(users(second)).containsExactly(inSecond);
  }

  @Test
  void usernamesCompareExactly() {
    TenantId tenant = newTenant();
    User lower = newUser(tenant, "admin");

    User upper = newUser(tenant, "Admin");

    assertThat(await(store().users().findByUsername(tenant, "admin"))).contains(lower);
    assertThat(await(store().users().findByUsername(tenant, "Admin"))).contains(upper);
    assertThat(await(store().users().findByUsername(tenant, "ADMIN"))).isEmpty();
    assertThat(await(store().users().findByUsername(tenant, "admin "))).isEmpty();
  }

  @Test
  void aRootUserIsRefusedOutsideTheSystemTenant() {
    TenantId tenant = newTenant();
    User user = newUser(tenant, "alice");

    assertInvalid(
        "user.roleKind", () -> store().users().create(tenant, NewUser.of("root", RoleKind.ROOT)));
    assertInvalid(
        "update.roleKind",
        () ->
            store()
                .users()
                .update(tenant, user.id(), UserUpdate.builder().roleKind(RoleKind.ROOT).build()));

    assertThat(await(store().users().findByUsername(tenant, "root"))).isEmpty();
    assertThat(users(tenant)).containsExactly(user);
  }

  @Test
  void aRootUserIsCreatedInTheSystemTenantAndFoundOnlyThroughIt() {
    TenantId other = newTenant();
    String username = uniqueName("root");

    User root = newUser(TenantId.SYSTEM, NewUser.of(username, RoleKind.ROOT));
    try {
      assertThat(root.tenant()).isEqualTo(TenantId.SYSTEM);
      assertThat(root.roleKind()).isEqualTo(RoleKind.ROOT);
      assertThat(await(store().users().get(TenantId.SYSTEM, root.id()))).contains(root);
      assertThat(await(store().users().findByUsername(TenantId.SYSTEM, username))).contains(root);
      assertThat(await(store().users().get(other, root.id()))).isEmpty();
      assertThat(await(store().users().findByUsername(other, username))).isEmpty();
      assertThat(users(other)).isEmpty();
    } finally {
      await(store().users().delete(TenantId.SYSTEM, root.id()));
    }
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() {
    TenantId tenant = newTenant();
    User user =
        newUser(
            tenant,
            NewUser.of("alice", RoleKind.TENANT_USER)
                .withEmail("alice@example.com")
                .withDisplayName("Alice"));

    user =
        assertUpdate(
            tenant,
            user,
            UserUpdate.builder().email("liddell@example.com").build(),
            u -> withEmail(u, Optional.of("liddell@example.com")));
    user =
        assertUpdate(
            tenant,
            user,
            UserUpdate.builder().displayName("Alice L.").build(),
            u -> withDisplayName(u, Optional.of("Alice L.")));
    user =
        assertUpdate(
            tenant, user, UserUpdate.builder().active(false).build(), u -> withActive(u, false));
    user =
        assertUpdate(
            tenant,
            user,
            UserUpdate.builder().roleKind(RoleKind.TENANT_ADMIN).build(),
            u -> withRoleKind(u, RoleKind.TENANT_ADMIN));
    user = assertUpdate(tenant, user, UserUpdate.builder().build(), u -> u);
    user =
        assertUpdate(
            tenant, user, UserUpdate.builder().active(true).build(), u -> withActive(u, true));

    assertThat(user.username()).as("a username never changes").isEqualTo("alice");
    assertThat(await(store().users().findByUsername(tenant, "alice"))).contains(user);
    assertThat(users(tenant)).containsExactly(user);
  }

  @Test
  void clearEmailAndClearDisplayNameRemoveThemAndNothingElse() {
    TenantId tenant = newTenant();
    User user =
        newUser(
            tenant,
            NewUser.of("alice", RoleKind.TENANT_ADMIN)
                .withEmail("alice@example.com")
                .withDisplayName("Alice"));

    user =
        assertUpdate(
            tenant,
            user,
            UserUpdate.builder().clearEmail().build(),
            u -> withEmail(u, Optional.empty()));
    user =
        assertUpdate(
            tenant,
            user,
            UserUpdate.builder().clearDisplayName().build(),
            u -> withDisplayName(u, Optional.empty()));

    assertThat(user.email()).isEmpty();
    assertThat(user.displayName()).isEmpty();
    assertThat(user.roleKind()).isEqualTo(RoleKind.TENANT_ADMIN);
  }

  @Test
  void deletingAUserFreesItsUsername() {
    TenantId tenant = newTenant();
    User alice = newUser(tenant, "alice");
    User bob = newUser(tenant, "bob");

    await(store().users().delete(tenant, alice.id()));

    assertThat(await(store().users().get(tenant, alice.id()))).isEmpty();
    assertThat(await(store().users().findByUsername(tenant, "alice"))).isEmpty();
    assertThat(users(tenant)).containsExactly(bob);
    User again = newUser(tenant, "alice");
    assertThat(again.id()).isNotEqualTo(alice.id());
    assertThat(await(store().users().findByUsername(tenant, "alice"))).contains(again);
    assertThat(await(store().users().get(tenant, alice.id()))).isEmpty();
  }

  @Test
  void changingAMissingUserIsNotFoundUser() {
    TenantId tenant = newTenant();
    User deleted = newUser(tenant, "gone");
    await(store().users().delete(tenant, deleted.id()));
    User kept = newUser(tenant, "kept");

    for (UserId missing : List.of(UserId.random(), deleted.id())) {
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () ->
                          store()
                              .users()
                              .update(tenant, missing, UserUpdate.builder().active(false).build()))
                  .missing())
          .as("update of %s", missing)
          .isEqualTo(ObjectType.USER);
      assertThat(
              assertFails(NotFoundException.class, () -> store().users().delete(tenant, missing))
                  .missing())
          .as("delete of %s", missing)
          .isEqualTo(ObjectType.USER);
    }
    assertThat(users(tenant)).containsExactly(kept);
  }

  @Test
  void aMissingUserReadsAsEmpty() {
    TenantId tenant = newTenant();
    newUser(tenant, "alice");

    assertThat(await(store().users().get(tenant, UserId.random()))).isEmpty();
    assertThat(await(store().users().findByUsername(tenant, "bob"))).isEmpty();
  }

  @Test
  void usersAreListedByUsernameInCodePointOrder() {
    TenantId tenant = newTenant();
    for (String username : List.of("😀", "é", "ｚ", "a", "B", "日", "a.b", "Z")) {
      newUser(tenant, username);
    }

    assertThat(users(tenant))
        .extracting(User::username)
        .containsExactly("B", "Z", "a", "a.b", "é", "日", "ｚ", "😀");
  }

  /**
   * Applies {@code update} to {@code before} and asserts the result is {@code before} changed as
   * {@code expected} says and nothing else, with {@code updatedAt} not moved back; returns it.
   */
  private User assertUpdate(
      TenantId tenant, User before, UserUpdate update, UnaryOperator<User> expected) {
    User after = await(store().users().update(tenant, before.id(), update));

    TckTime.assertUpdated(
        before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(after)
        .as("the user after %s", update)
        .isEqualTo(withUpdatedAt(expected.apply(before), after));
    assertThat(await(store().users().get(tenant, before.id()))).contains(after);
    return after;
  }

  private static User withUpdatedAt(User u, User stamped) {
    return new User(
        u.id(),
        u.tenant(),
        u.username(),
        u.email(),
        u.displayName(),
        u.roleKind(),
        u.active(),
        u.createdAt(),
        stamped.updatedAt());
  }

  private static User withEmail(User u, Optional<String> email) {
    return new User(
        u.id(),
        u.tenant(),
        u.username(),
        email,
        u.displayName(),
        u.roleKind(),
        u.active(),
        u.createdAt(),
        u.updatedAt());
  }

  private static User withDisplayName(User u, Optional<String> displayName) {
    return new User(
        u.id(),
        u.tenant(),
        u.username(),
        u.email(),
        displayName,
        u.roleKind(),
        u.active(),
        u.createdAt(),
        u.updatedAt());
  }

  private static User withActive(User u, boolean active) {
    return new User(
        u.id(),
        u.tenant(),
        u.username(),
        u.email(),
        u.displayName(),
        u.roleKind(),
        active,
        u.createdAt(),
        u.updatedAt());
  }

  private static User withRoleKind(User u, RoleKind roleKind) {
    return new User(
        u.id(),
        u.tenant(),
        u.username(),
        u.email(),
        u.displayName(),
        roleKind,
        u.active(),
        u.createdAt(),
        u.updatedAt());
  }
}
