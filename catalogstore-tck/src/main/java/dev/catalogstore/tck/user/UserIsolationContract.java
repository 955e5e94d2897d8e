package dev.catalogstore.tck.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.tck.GovernanceIsolationSuite;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code users()} facet: one {@link IsolationCase} per method, each proving
 * that no user of tenant A is observable or changeable through tenant B, although both have users
 * of the same usernames (see {@link GovernanceIsolationSuite} for the twins).
 */
public abstract class UserIsolationContract extends GovernanceIsolationSuite {

  @Test
  @IsolationCase("users.create")
  void createUserTakesAUsernameInTheCallersTenantOnly() {
    GovernedTwins twins = governedTwins();
    TenantSnapshot aBefore = snapshot(twins.a().tenant());

    User carol = await(store().users().create(twins.b().tenant(), NewUser.of("carol", kind())));
    assertThat(carol.tenant()).isEqualTo(twins.b().tenant());
    assertUnchanged(twins.a().tenant(), aBefore);
    assertThat(await(store().users().findByUsername(twins.a().tenant(), "carol"))).isEmpty();

    // The username alice is A's and B's alike: taken in B by B's alice, never by A's.
    TenantSnapshot bBefore = snapshot(twins.b().tenant());
    assertFails(
        AlreadyExistsException.class,
        () -> store().users().create(twins.b().tenant(), NewUser.of(ALICE, kind())));
    assertUnchanged(twins.b().tenant(), bBefore);
    TenantId fresh = newTenant();
    User freshAlice = await(store().users().create(fresh, NewUser.of(ALICE, kind())));
    assertThat(freshAlice.id()).isNotIn(twins.a().alice().id(), twins.b().alice().id());
    assertUnchanged(twins.a().tenant(), aBefore);
    assertUnchanged(twins.b().tenant(), bBefore);
  }

  @Test
  @IsolationCase("users.get")
  void getUserReadsTheCallersUsersOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();

    assertThat(await(store().users().get(b, twins.a().alice().id()))).isEmpty();
    assertThat(await(store().users().get(b, twins.a().admin().id()))).isEmpty();
    assertThat(await(store().users().get(a, twins.b().alice().id()))).isEmpty();
    assertThat(await(store().users().get(TenantId.SYSTEM, twins.a().alice().id()))).isEmpty();
    assertThat(await(store().users().get(b, twins.b().alice().id()))).contains(twins.b().alice());
    assertThat(await(store().users().get(a, twins.a().alice().id()))).contains(twins.a().alice());
  }

  @Test
  @IsolationCase("users.findByUsername")
  void findByUsernameFindsTheCallersUserOfThatName() {
    GovernedTwins twins = governedTwins();
    createAOnly(twins);

    assertThat(await(store().users().findByUsername(twins.b().tenant(), ALICE)))
        .contains(twins.b().alice());
    assertThat(await(store().users().findByUsername(twins.a().tenant(), ALICE)))
        .contains(twins.a().alice());
    assertThat(await(store().users().findByUsername(twins.b().tenant(), "a-only"))).isEmpty();
    assertThat(await(store().users().findByUsername(TenantId.SYSTEM, "a-only"))).isEmpty();
    assertThat(await(store().users().findByUsername(TenantId.random(), ALICE))).isEmpty();
  }

  @Test
  @IsolationCase("users.list")
  void listUsersShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    GovernedTwins twins = governedTwins();
    createAOnly(twins);
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    String aToken =
        await(store().users().list(a, PageRequest.firstPage(1))).nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().users().list(b, page)))
        .containsExactly(twins.b().admin(), twins.b().alice(), twins.b().bob());
    assertThat(PagedReads.all(page -> store().users().list(a, page)))
        .extracting(User::username)
        .containsExactly("a-only", ADMIN, ALICE, BOB);
    assertInvalid("page.pageToken", () -> store().users().list(b, PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("users.update")
  void updateUserChangesTheCallersUserOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);
    UserUpdate deactivate = UserUpdate.builder().active(false).email("x@example.com").build();

    assertMissing(
        ObjectType.USER, () -> store().users().update(b, twins.a().alice().id(), deactivate));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    User updated = await(store().users().update(b, twins.b().alice().id(), deactivate));
    assertThat(updated.active()).isFalse();
    assertUnchanged(a, aBefore);
    assertThat(await(store().tokens().validate(twins.a().aliceHash())))
        .as("A's alice, still active, still validates")
        .isPresent();
  }

  @Test
  @IsolationCase("users.delete")
  void deleteUserRemovesTheCallersUserOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(ObjectType.USER, () -> store().users().delete(b, twins.a().alice().id()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    // Deleting B's alice cascades to B's assignments, permissions and tokens, never to A's.
    await(store().users().delete(b, twins.b().alice().id()));
    assertThat(await(store().users().findByUsername(b, ALICE))).isEmpty();
    assertThat(await(store().tokens().get(b, ALICE_TOKEN))).isEmpty();
    assertUnchanged(a, aBefore);
    assertThat(await(store().tokens().validate(twins.a().aliceHash())))
        .map(token -> token.tenant())
        .contains(a);
  }

  private void createAOnly(GovernedTwins twins) {
    await(store().users().create(twins.a().tenant(), NewUser.of("a-only", kind())));
  }

  private static RoleKind kind() {
    return RoleKind.TENANT_USER;
  }
}
