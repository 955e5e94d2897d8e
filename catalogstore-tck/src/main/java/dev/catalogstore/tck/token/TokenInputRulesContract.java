package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.GovernanceInputRulesSuite;
import dev.catalogstore.tck.TckNames;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Input rules of the {@code tokens()} facet, for every method: each invalid input refused on its
 * exact field, also under a missing tenant, changing nothing (see {@link
 * GovernanceInputRulesSuite}); an invalid digest refused without being echoed.
 */
public abstract class TokenInputRulesContract extends GovernanceInputRulesSuite {

  @Test
  void createRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    UserId user = world.user.id();
    Refusals refusals = new Refusals(world);
    refusals.refuse("null tenant", "tenant", t -> store().tokens().create(null, token(user)));
    refusals.refuse("null token", "token", t -> store().tokens().create(t, null));
    refusals.refuse(
        "null id",
        "token.id",
        t -> store().tokens().create(t, new NewToken(null, user, freshTokenHash(), inADay())));
    refusals.refuse(
        "null user",
        "token.user",
        t ->
            store()
                .tokens()
                .create(t, new NewToken(TokenId.random(), null, freshTokenHash(), inADay())));
    refusals.refuse(
        "null digest",
        "token.hash",
        t -> store().tokens().create(t, new NewToken(TokenId.random(), user, null, inADay())));
    invalidDigests()
        .forEach(
            (what, hex) ->
                refusals.refuse(
                    "digest " + what,
                    "token.hash",
                    t ->
                        store()
                            .tokens()
                            .create(
                                t,
                                new NewToken(
                                    TokenId.random(), user, TokenHash.ofHex(hex), inADay()))));
    for (Instant bad : new Instant[] {null, TOO_EARLY, TOO_LATE}) {
      refusals.refuse(
          "expiry " + bad,
          "token.expiresAt",
          t ->
              store()
                  .tokens()
                  .create(t, new NewToken(TokenId.random(), user, freshTokenHash(), bad)));
    }
    refusals.verify();
  }

  @Test
  void revokeRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    TokenId id = world.token.id();
    Refusals refusals = new Refusals(world);
    refusals.refuse(
        "null tenant", "tenant", t -> store().tokens().revoke(null, id, "reason", inADay()));
    refusals.refuse(
        "null token", "token", t -> store().tokens().revoke(t, null, "reason", inADay()));
    for (String reason : new String[] {null, "", "  ", "a\u0000b", "x".repeat(64 * 1024 + 1)}) {
      refusals.refuse(
          "reason " + (reason == null ? null : TckNames.label(reason)),
          "reason",
          t -> store().tokens().revoke(t, id, reason, inADay()));
    }
    for (Instant bad : new Instant[] {null, TOO_EARLY, TOO_LATE}) {
      refusals.refuse(
          "expiry " + bad, "expiresAt", t -> store().tokens().revoke(t, id, "reason", bad));
    }
    refusals.verify();
  }

  @Test
  void everyOtherMethodRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    TokenId id = world.token.id();
    UserId user = world.user.id();
    PageRequest first = PageRequest.firstPage();
    Refusals refusals = new Refusals(world);
    refusals.refuse("get null tenant", "tenant", t -> store().tokens().get(null, id));
    refusals.refuse("get null token", "token", t -> store().tokens().get(t, null));
    refusals.refuse("isRevoked null tenant", "tenant", t -> store().tokens().isRevoked(null, id));
    refusals.refuse("isRevoked null token", "token", t -> store().tokens().isRevoked(t, null));
    refusals.refuse("validate null", "hash", t -> store().tokens().validate(null));
    refusals.refuse(
        "validate null hex", "hash", t -> store().tokens().validate(TokenHash.ofHex(null)));
    invalidDigests()
        .forEach(
            (what, hex) ->
                refusals.refuse(
                    "validate " + what,
                    "hash",
                    t -> store().tokens().validate(TokenHash.ofHex(hex))));
    refusals.refuse(
        "listActive null tenant", "tenant", t -> store().tokens().listActive(null, first));
    refusals.refuse("listActive null page", "page", t -> store().tokens().listActive(t, null));
    refusals.refuse(
        "listActive limit 0",
        "page.limit",
        t -> store().tokens().listActive(t, PageRequest.firstPage(0)));
    refusals.refuse(
        "listActive garbage token",
        "page.pageToken",
        t -> store().tokens().listActive(t, PageRequest.nextPage("garbage", 1)));
    refusals.refuse(
        "listActiveForUser null tenant",
        "tenant",
        t -> store().tokens().listActiveForUser(null, user, first));
    refusals.refuse(
        "listActiveForUser null user",
        "user",
        t -> store().tokens().listActiveForUser(t, null, first));
    refusals.refuse(
        "listActiveForUser null page",
        "page",
        t -> store().tokens().listActiveForUser(t, user, null));
    refusals.verify();
  }

  @Test
  void anInvalidDigestIsNeverEchoed() {
    TenantId tenant = newTenant();
    UserId user = await(store().users().create(tenant, NewUser.of("u", RoleKind.TENANT_USER))).id();
    invalidDigests()
        .forEach(
            (what, hex) -> {
              if (hex.isBlank()) {
                return;
              }
              InvalidArgumentException onCreate =
                  assertInvalid(
                      "token.hash",
                      () ->
                          store()
                              .tokens()
                              .create(
                                  tenant,
                                  new NewToken(
                                      TokenId.random(), user, TokenHash.ofHex(hex), inADay())));
              InvalidArgumentException onValidate =
                  assertInvalid("hash", () -> store().tokens().validate(TokenHash.ofHex(hex)));
              for (InvalidArgumentException e :
                  new InvalidArgumentException[] {onCreate, onValidate}) {
                assertThat(e.getMessage())
                    .as("the message of %s", what)
                    .doesNotContain(hex.strip());
              }
            });
  }

  private static NewToken token(UserId user) {
    return new NewToken(TokenId.random(), user, freshTokenHash(), inADay());
  }
}
