package dev.catalogstore.tck.serviceuser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.tck.GovernanceInputRulesSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckNames;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code serviceUsers()} facet, for every method: each invalid input refused on
 * its exact field, also under a missing tenant, changing nothing (see {@link
 * GovernanceInputRulesSuite}); an invalid digest refused without being echoed; names with odd
 * characters kept exactly.
 */
public abstract class ServiceUserInputRulesContract extends GovernanceInputRulesSuite {

  @Test
  void createRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    Refusals refusals = new Refusals(world);
    refusals.refuse(
        "null tenant", "tenant", t -> store().serviceUsers().create(null, service("new")));
    refusals.refuse(
        "null service user", "serviceUser", t -> store().serviceUsers().create(t, null));
    for (String name : invalidNames()) {
      refusals.refuse(
          "name " + name, "serviceUser.name", t -> store().serviceUsers().create(t, service(name)));
    }
    refusals.refuse(
        "null description",
        "serviceUser.description",
        t -> store().serviceUsers().create(t, service("new").withDescription(null)));
    refusals.refuse(
        "description of 4097 characters",
        "serviceUser.description",
        t -> store().serviceUsers().create(t, service("new").withDescription("d".repeat(4097))));
    refusals.refuse(
        "null kind",
        "serviceUser.roleKind",
        t -> store().serviceUsers().create(t, NewServiceUser.of("new", null, freshKey())));
    refusals.refuse(
        "ROOT outside the system tenant",
        "serviceUser.roleKind",
        t -> store().serviceUsers().create(t, NewServiceUser.of("new", RoleKind.ROOT, freshKey())));
    refusals.refuse(
        "null digest",
        "serviceUser.apiKeyHash",
        t ->
            store().serviceUsers().create(t, NewServiceUser.of("new", RoleKind.TENANT_USER, null)));
    invalidDigests()
        .forEach(
            (what, hex) ->
                refusals.refuse(
                    "digest " + what,
                    "serviceUser.apiKeyHash",
                    t ->
                        store()
                            .serviceUsers()
                            .create(
                                t,
                                NewServiceUser.of(
                                    "new", RoleKind.TENANT_USER, ApiKeyHash.ofHex(hex)))));
    refusals.refuse(
        "null expiry",
        "serviceUser.expiresAt",
        t ->
            store()
                .serviceUsers()
                .create(t, new NewServiceUser("new", "", RoleKind.TENANT_USER, freshKey(), null)));
    refusals.refuse(
        "expiry before year 1",
        "serviceUser.expiresAt",
        t -> store().serviceUsers().create(t, service("new").expiringAt(TOO_EARLY)));
    refusals.refuse(
        "expiry in year 10000",
        "serviceUser.expiresAt",
        t -> store().serviceUsers().create(t, service("new").expiringAt(TOO_LATE)));
    refusals.verify();
  }

  @Test
  void updateRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    ServiceUserId id = world.serviceUser.id();
    ServiceUserUpdate fine = ServiceUserUpdate.builder().description("fine").build();
    Refusals refusals = new Refusals(world);
    refusals.refuse("null tenant", "tenant", t -> store().serviceUsers().update(null, id, fine));
    refusals.refuse(
        "null service user", "serviceUser", t -> store().serviceUsers().update(t, null, fine));
    refusals.refuse("null update", "update", t -> store().serviceUsers().update(t, id, null));
    for (String name : invalidNames()) {
      if (name != null) {
        refusals.refuse(
            "name " + name,
            "update.name",
            t ->
                store()
                    .serviceUsers()
                    .update(t, id, ServiceUserUpdate.builder().name(name).build()));
      }
    }
    refusals.refuse(
        "description with NUL",
        "update.description",
        t ->
            store()
                .serviceUsers()
                .update(t, id, ServiceUserUpdate.builder().description("a\u0000").build()));
    refusals.refuse(
        "ROOT outside the system tenant",
        "update.roleKind",
        t ->
            store()
                .serviceUsers()
                .update(
                    t,
                    id,
                    ServiceUserUpdate.builder().active(false).roleKind(RoleKind.ROOT).build()));
    refusals.refuse(
        "expiry in year 10000",
        "update.expiresAt",
        t ->
            store()
                .serviceUsers()
                .update(
                    t, id, ServiceUserUpdate.builder().active(false).expiresAt(TOO_LATE).build()));
    refusals.verify();
  }

  @Test
  void everyOtherMethodRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    ServiceUserId id = world.serviceUser.id();
    Refusals refusals = new Refusals(world);
    refusals.refuse("get null tenant", "tenant", t -> store().serviceUsers().get(null, id));
    refusals.refuse("get null id", "serviceUser", t -> store().serviceUsers().get(t, null));
    refusals.refuse(
        "list null tenant",
        "tenant",
        t -> store().serviceUsers().list(null, PageRequest.firstPage()));
    refusals.refuse("list null page", "page", t -> store().serviceUsers().list(t, null));
    refusals.refuse(
        "list garbage token",
        "page.pageToken",
        t -> store().serviceUsers().list(t, PageRequest.nextPage("garbage", 1)));
    refusals.refuse("delete null tenant", "tenant", t -> store().serviceUsers().delete(null, id));
    refusals.refuse("delete null id", "serviceUser", t -> store().serviceUsers().delete(t, null));
    refusals.refuse(
        "recordUse null tenant", "tenant", t -> store().serviceUsers().recordUse(null, id));
    refusals.refuse(
        "recordUse null id", "serviceUser", t -> store().serviceUsers().recordUse(t, null));
    ApiKeyHash fresh = freshKey();
    refusals.refuse(
        "replaceApiKey null tenant",
        "tenant",
        t -> store().serviceUsers().replaceApiKey(null, id, fresh));
    refusals.refuse(
        "replaceApiKey null id",
        "serviceUser",
        t -> store().serviceUsers().replaceApiKey(t, null, fresh));
    refusals.refuse(
        "replaceApiKey null digest",
        "apiKeyHash",
        t -> store().serviceUsers().replaceApiKey(t, id, null));
    invalidDigests()
        .forEach(
            (what, hex) ->
                refusals.refuse(
                    "replaceApiKey " + what,
                    "apiKeyHash",
                    t -> store().serviceUsers().replaceApiKey(t, id, ApiKeyHash.ofHex(hex))));
    refusals.refuse(
        "findByApiKeyHash null", "apiKeyHash", t -> store().serviceUsers().findByApiKeyHash(null));
    refusals.refuse(
        "findByApiKeyHash null hex",
        "apiKeyHash",
        t -> store().serviceUsers().findByApiKeyHash(ApiKeyHash.ofHex(null)));
    invalidDigests()
        .forEach(
            (what, hex) ->
                refusals.refuse(
                    "findByApiKeyHash " + what,
                    "apiKeyHash",
                    t -> store().serviceUsers().findByApiKeyHash(ApiKeyHash.ofHex(hex))));
    refusals.verify();
  }

  @Test
  void anInvalidDigestIsNeverEchoed() {
    TenantId tenant = newTenant();
    invalidDigests()
        .forEach(
            (what, hex) -> {
              if (hex.isBlank()) {
                return;
              }
              InvalidArgumentException onCreate =
                  assertInvalid(
                      "serviceUser.apiKeyHash",
                      () ->
                          store()
                              .serviceUsers()
                              .create(
                                  tenant,
                                  NewServiceUser.of(
                                      "new", RoleKind.TENANT_USER, ApiKeyHash.ofHex(hex))));
              InvalidArgumentException onFind =
                  assertInvalid(
                      "apiKeyHash",
                      () -> store().serviceUsers().findByApiKeyHash(ApiKeyHash.ofHex(hex)));
              for (InvalidArgumentException e : new InvalidArgumentException[] {onCreate, onFind}) {
                assertThat(e.getMessage())
                    .as("the message of %s", what)
                    .doesNotContain(hex.strip());
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void aValidServiceUserNameIsKeptExactly(String label, String name) {
    TenantId tenant = newTenant();
    ServiceUser created = await(store().serviceUsers().create(tenant, service(name)));

    assertThat(created.name()).isEqualTo(name);
    assertThat(await(store().serviceUsers().get(tenant, created.id()))).contains(created);
    assertThat(PagedReads.all(page -> store().serviceUsers().list(tenant, page)))
        .containsExactly(created);
  }

  @Test
  void everyTrickyServiceUserNameIsListedExactlyInCodePointOrder() {
    TenantId tenant = newTenant();
    for (String name : TckNames.TRICKY) {
      await(store().serviceUsers().create(tenant, service(name)));
    }

    assertThat(pagedNames(page -> store().serviceUsers().list(tenant, page), ServiceUser::name))
        .containsExactlyElementsOf(TckNames.trickyInListOrder());
  }

  private static NewServiceUser service(String name) {
    return new NewServiceUser(name, "", RoleKind.TENANT_USER, freshKey(), Optional.empty());
  }
}
