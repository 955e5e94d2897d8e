package dev.catalogstore.tck.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.tck.GovernanceInputRulesSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckNames;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code users()} facet, for every method: each invalid input refused on its
 * exact field, also under a missing tenant, changing nothing (see {@link
 * GovernanceInputRulesSuite}); usernames with odd characters kept exactly.
 */
public abstract class UserInputRulesContract extends GovernanceInputRulesSuite {
  /** Email addresses the store refuses. */
  private static final List<String> BAD_EMAILS =
      List.of(
          "", " ", "no-at", "@example.com", "a@", "a@b@c", "a b@c", "a\u0000@b", "x".repeat(321));

  @Test
  void createRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    Refusals refusals = new Refusals(world);
    refusals.refuse("null tenant", "tenant", t -> store().users().create(null, user("new")));
    refusals.refuse("null user", "user", t -> store().users().create(t, null));
    for (String name : invalidNames()) {
      refusals.refuse(
          "username " + name, "user.username", t -> store().users().create(t, user(name)));
    }
    for (String email : BAD_EMAILS) {
      refusals.refuse(
          "email " + email,
          "user.email",
          t -> store().users().create(t, user("new").withEmail(email)));
    }
    refusals.refuse(
        "null email",
        "user.email",
        t ->
            store()
                .users()
                .create(t, new NewUser("new", null, Optional.empty(), RoleKind.TENANT_USER, true)));
    for (String name : invalidNames()) {
      if (name != null) {
        refusals.refuse(
            "display name " + name,
            "user.displayName",
            t -> store().users().create(t, user("new").withDisplayName(name)));
      }
    }
    refusals.refuse(
        "null display name",
        "user.displayName",
        t ->
            store()
                .users()
                .create(t, new NewUser("new", Optional.empty(), null, RoleKind.TENANT_USER, true)));
    refusals.refuse(
        "null kind", "user.roleKind", t -> store().users().create(t, NewUser.of("new", null)));
    refusals.refuse(
        "ROOT outside the system tenant",
        "user.roleKind",
        t -> store().users().create(t, NewUser.of("new", RoleKind.ROOT)));
    refusals.verify();
  }

  @Test
  void readsRefuseEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    UserId id = world.user.id();
    Refusals refusals = new Refusals(world);
    refusals.refuse("get null tenant", "tenant", t -> store().users().get(null, id));
    refusals.refuse("get null user", "user", t -> store().users().get(t, null));
    refusals.refuse(
        "findByUsername null tenant", "tenant", t -> store().users().findByUsername(null, "user"));
    for (String name : invalidNames()) {
      refusals.refuse(
          "findByUsername " + name, "username", t -> store().users().findByUsername(t, name));
    }
    refusals.refuse(
        "list null tenant", "tenant", t -> store().users().list(null, PageRequest.firstPage()));
    refusals.refuse("list null page", "page", t -> store().users().list(t, null));
    refusals.refuse(
        "list limit 0", "page.limit", t -> store().users().list(t, PageRequest.firstPage(0)));
    refusals.refuse(
        "list garbage token",
        "page.pageToken",
        t -> store().users().list(t, PageRequest.nextPage("garbage", 1)));
    refusals.verify();
  }

  @Test
  void updateAndDeleteRefuseEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    UserId id = world.user.id();
    UserUpdate fine = UserUpdate.builder().displayName("Fine").build();
    Refusals refusals = new Refusals(world);
    refusals.refuse("update null tenant", "tenant", t -> store().users().update(null, id, fine));
    refusals.refuse("update null user", "user", t -> store().users().update(t, null, fine));
    refusals.refuse("update null update", "update", t -> store().users().update(t, id, null));
    for (String email : BAD_EMAILS) {
      refusals.refuse(
          "update email " + email,
          "update.email",
          t -> store().users().update(t, id, UserUpdate.builder().email(email).build()));
    }
    for (String name : invalidNames()) {
      if (name != null) {
        refusals.refuse(
            "update display name " + name,
            "update.displayName",
            t -> store().users().update(t, id, UserUpdate.builder().displayName(name).build()));
      }
    }
    refusals.refuse(
        "update to ROOT outside the system tenant",
        "update.roleKind",
        t ->
            store()
                .users()
                .update(t, id, UserUpdate.builder().roleKind(RoleKind.ROOT).active(false).build()));
    refusals.refuse("delete null tenant", "tenant", t -> store().users().delete(null, id));
    refusals.refuse("delete null user", "user", t -> store().users().delete(t, null));
    refusals.verify();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void aValidUsernameIsKeptExactly(String label, String name) {
    TenantId tenant = newTenant();
    User created = await(store().users().create(tenant, user(name)));

    assertThat(created.username()).isEqualTo(name);
    assertThat(await(store().users().get(tenant, created.id()))).contains(created);
    assertThat(await(store().users().findByUsername(tenant, name))).contains(created);
    assertThat(PagedReads.all(page -> store().users().list(tenant, page))).containsExactly(created);
  }

  @Test
  void everyTrickyUsernameIsListedExactlyInCodePointOrder() {
    TenantId tenant = newTenant();
    for (String name : TckNames.TRICKY) {
      await(store().users().create(tenant, user(name)));
    }

    assertThat(pagedNames(page -> store().users().list(tenant, page), User::username))
        .containsExactlyElementsOf(TckNames.trickyInListOrder());
  }

  private static NewUser user(String name) {
    return NewUser.of(name, RoleKind.TENANT_USER);
  }
}
