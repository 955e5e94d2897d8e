package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.tck.TckClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Specifies recording, reading and validating tokens, and the active-token lists: a recorded token
 * reads back as given; token ids are unique per tenant and digests in the whole store; a token
 * belongs to an existing user of its tenant; validation finds an active token of an active user
 * with its tenant and user, and nothing for an unknown digest, an expired token (from its {@code
 * expiresAt} on, included), a revoked one, or one of an inactive user; {@code listActive} and
 * {@code listActiveForUser} leave out revoked and expired tokens and list by id in its string form.
 *
 * <p>Every test starts with a fresh tenant holding user {@code alice}. The expiry rules stop the
 * store's clock and are skipped without a controllable one.
 */
public abstract class TokenContract extends TokenSuite {

  @Test
  void aRecordedTokenReadsBackAsGiven() {
    TokenId id = TokenId.random();
    Instant expiry = Instant.parse("2999-01-02T03:04:05.123456789Z");

    IssuedToken issued = newToken(tenant, id, alice.id(), expiry);

    Token token = issued.token();
    assertThat(token.id()).isEqualTo(id);
    assertThat(token.tenant()).isEqualTo(tenant);
    assertThat(token.user()).isEqualTo(alice.id());
    assertThat(token.expiresAt())
        .as("the expiry, kept to the microsecond")
        .isEqualTo(expiry.truncatedTo(ChronoUnit.MICROS));
    assertThat(token.issuedAt()).isNotNull();
    assertThat(token.issuedAt().getNano() % 1_000).as("sub-microsecond nanos of issuedAt").isZero();
    assertThat(get(tenant, id)).as("get").contains(token);
  }

  @Test
  void tokenIdsAreUniquePerTenant() {
    IssuedToken first = newToken(tenant, alice.id());
    TokenHash secondHash = freshTokenHash();

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tokens()
                .create(
                    tenant,
                    new NewToken(
                        first.token().id(), alice.id(), secondHash, first.token().expiresAt())));

    assertThat(get(tenant, first.token().id())).contains(first.token());
    assertThat(validate(secondHash)).as("the refused token's digest").isEmpty();
    assertThat(listActive(tenant)).containsExactly(first.token());
  }

  @Test
  void theSameTokenIdMayBeRecordedInTwoTenants() {
    TenantId other = newTenant();
    User bob = newUser(other, "bob");
    IssuedToken here = newToken(tenant, alice.id());

    IssuedToken there = newToken(other, here.token().id(), bob.id(), here.token().expiresAt());

    assertThat(get(tenant, here.token().id())).contains(here.token());
    assertThat(get(other, here.token().id())).contains(there.token());
    assertThat(validate(here.hash())).contains(here.token());
    assertThat(validate(there.hash())).contains(there.token());
  }

  @Test
  void aTokenDigestIsUniqueInTheWholeStore() {
    TenantId other = newTenant();
    User bob = newUser(other, "bob");
    IssuedToken owner = newToken(tenant, alice.id());
    TokenId refused = TokenId.random();

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tokens()
                .create(
                    other,
                    new NewToken(refused, bob.id(), owner.hash(), owner.token().expiresAt())));
    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tokens()
                .create(
                    tenant,
                    new NewToken(refused, alice.id(), owner.hash(), owner.token().expiresAt())));

    assertThat(get(other, refused)).isEmpty();
    assertThat(get(tenant, refused)).isEmpty();
    assertThat(listActive(other)).isEmpty();
    assertThat(validate(owner.hash())).contains(owner.token());
  }

  @Test
  void aTokenOfAMissingUserIsRefused() {
    TokenId id = TokenId.random();
    TokenHash hash = freshTokenHash();

    NotFoundException e =
        assertFails(
            NotFoundException.class,
            () ->
                store()
                    .tokens()
                    .create(
                        tenant,
                        new NewToken(id, UserId.random(), hash, Instant.now().plusSeconds(3600))));

    assertThat(e.missing()).isEqualTo(ObjectType.USER);
    assertThat(get(tenant, id)).isEmpty();
    assertThat(validate(hash)).isEmpty();
  }

  @Test
  void validationFindsAnActiveTokenWithItsTenantAndUser() {
    TenantId other = newTenant();
    User bob = newUser(other, "bob");
    IssuedToken alicesToken = newToken(tenant, alice.id());
    IssuedToken bobsToken = newToken(other, bob.id());

    assertThat(validate(alicesToken.hash())).contains(alicesToken.token());
    Token bobs = validate(bobsToken.hash()).orElseThrow();
    assertThat(bobs.tenant()).isEqualTo(other);
    assertThat(bobs.user()).isEqualTo(bob.id());
    assertThat(bobs).isEqualTo(bobsToken.token());
  }

  @Test
  void anUnknownDigestValidatesNothing() {
    newToken(tenant, alice.id());

    assertThat(validate(freshTokenHash())).isEmpty();
  }

  @Test
  void aTokenExpiringNowDoesNotValidateAndOneExpiringAMicrosecondLaterDoes() {
    TckClock clock = freezeClockAtNow();
    IssuedToken expiringNow = newToken(tenant, TokenId.random(), alice.id(), NOW);
    IssuedToken expiringNext = newToken(tenant, TokenId.random(), alice.id(), NOW.plus(ONE_MICRO));

    assertThat(validate(expiringNow.hash())).as("a token expiring at now").isEmpty();
    assertThat(validate(expiringNext.hash()))
        .as("a token expiring 1µs after now")
        .contains(expiringNext.token());

    clock.advance(ONE_MICRO);
    assertThat(validate(expiringNext.hash())).as("the same token 1µs later").isEmpty();
    assertThat(get(tenant, expiringNext.token().id()))
        .as("an expired token is still read until cleaned up")
        .contains(expiringNext.token());
  }

  @Test
  void aRevokedTokenDoesNotValidate() {
    IssuedToken issued = newToken(tenant, alice.id());

    revoke(tenant, issued.token().id(), "leaked", issued.token().expiresAt());

    assertThat(validate(issued.hash())).isEmpty();
    assertThat(get(tenant, issued.token().id()))
        .as("a revoked token is still read")
        .contains(issued.token());
  }

  @Test
  void aTokenOfAnInactiveUserDoesNotValidateUntilTheUserIsActiveAgain() {
    IssuedToken issued = newToken(tenant, alice.id());

    await(store().users().update(tenant, alice.id(), UserUpdate.builder().active(false).build()));
    assertThat(validate(issued.hash())).as("the token of an inactive user").isEmpty();
    assertThat(listActive(tenant))
        .as("active tokens: the token itself is still active")
        .containsExactly(issued.token());
    assertThat(listActiveForUser(tenant, alice.id()))
        .as("the inactive user's active tokens")
        .containsExactly(issued.token());

    await(store().users().update(tenant, alice.id(), UserUpdate.builder().active(true).build()));
    assertThat(validate(issued.hash()))
        .as("once the user is active again")
        .contains(issued.token());
  }

  @Test
  void activeTokensLeaveOutRevokedAndExpiredTokens() {
    TckClock clock = freezeClockAtNow();
    IssuedToken live = newToken(tenant, TokenId.random(), alice.id(), NOW.plus(DAY));
    IssuedToken revoked = newToken(tenant, TokenId.random(), alice.id(), NOW.plus(DAY));
    newToken(tenant, TokenId.random(), alice.id(), NOW);
    IssuedToken lastMicro = newToken(tenant, TokenId.random(), alice.id(), NOW.plus(ONE_MICRO));
    revoke(tenant, revoked.token().id(), "leaked", NOW.plus(DAY));

    assertThat(listActive(tenant))
        .as("active tokens at now")
        .containsExactlyElementsOf(byId(live.token(), lastMicro.token()));

    clock.advance(ONE_MICRO);
    assertThat(listActive(tenant)).as("active tokens 1µs later").containsExactly(live.token());
  }

  @Test
  void activeTokensOfAUserLeaveOutRevokedAndExpiredTokensAndOtherUsersTokens() {
    TckClock clock = freezeClockAtNow();
    User bob = newUser(tenant, "bob");
    IssuedToken live = newToken(tenant, TokenId.random(), alice.id(), NOW.plus(DAY));
    IssuedToken revoked = newToken(tenant, TokenId.random(), alice.id(), NOW.plus(DAY));
    newToken(tenant, TokenId.random(), alice.id(), NOW);
    IssuedToken lastMicro = newToken(tenant, TokenId.random(), alice.id(), NOW.plus(ONE_MICRO));
    IssuedToken bobs = newToken(tenant, TokenId.random(), bob.id(), NOW.plus(DAY));
    revoke(tenant, revoked.token().id(), "leaked", NOW.plus(DAY));

    assertThat(listActiveForUser(tenant, alice.id()))
        .as("alice's active tokens at now")
        .containsExactlyElementsOf(byId(live.token(), lastMicro.token()));
    assertThat(listActiveForUser(tenant, bob.id())).containsExactly(bobs.token());

    clock.advance(ONE_MICRO);
    assertThat(listActiveForUser(tenant, alice.id()))
        .as("alice's active tokens 1µs later")
        .containsExactly(live.token());
  }

  @Test
  void activeTokensAreListedByIdInItsStringForm() {
    // UUID.compareTo compares signed halves and puts 8…/f… first; the string order does not
    List<String> ids =
        List.of(
            "00000000-0000-4000-8000-000000000000",
            "0fffffff-ffff-4fff-bfff-ffffffffffff",
            "7fffffff-ffff-4fff-bfff-ffffffffffff",
            "80000000-0000-4000-8000-000000000000",
            "f0000000-0000-4000-8000-000000000000",
            "ffffffff-ffff-4fff-bfff-ffffffffffff");
    User bob = newUser(tenant, "bob");
    for (String id :
        List.of(ids.get(4), ids.get(0), ids.get(5), ids.get(2), ids.get(3), ids.get(1))) {
      newToken(tenant, TokenId.parse(id), alice.id(), Instant.now().plus(DAY));
    }
    newToken(
        tenant,
        TokenId.parse("88888888-8888-4888-8888-888888888888"),
        bob.id(),
        Instant.now().plus(DAY));

    assertThat(listActiveForUser(tenant, alice.id()))
        .extracting(token -> token.id().toString())
        .containsExactlyElementsOf(ids);
    assertThat(listActive(tenant))
        .extracting(token -> token.id().toString())
        .containsExactly(
            ids.get(0),
            ids.get(1),
            ids.get(2),
            ids.get(3),
            "88888888-8888-4888-8888-888888888888",
            ids.get(4),
            ids.get(5));
  }

  @Test
  void activeTokensOfAMissingUserAreNotFound() {
    NotFoundException e =
        assertFails(
            NotFoundException.class,
            () ->
                store()
                    .tokens()
                    .listActiveForUser(tenant, UserId.random(), PageRequest.firstPage()));

    assertThat(e.missing()).isEqualTo(ObjectType.USER);
  }

  @Test
  void aMissingTokenReadsAsEmpty() {
    newToken(tenant, alice.id());

    assertThat(get(tenant, TokenId.random())).isEmpty();
  }

  private static List<Token> byId(Token... tokens) {
    return Arrays.stream(tokens)
        .sorted(Comparator.comparing(token -> token.id().toString()))
        .toList();
  }

  @Test
  void theNilUuidIsNoTokenId() {
    TokenId nil = new TokenId(new UUID(0, 0));

    assertInvalid(
        "token.id",
        () ->
            store()
                .tokens()
                .create(
                    tenant,
                    new NewToken(
                        nil, alice.id(), freshTokenHash(), Instant.now().plusSeconds(60))));
    assertInvalid(
        "token", () -> store().tokens().revoke(tenant, nil, "nil", Instant.now().plusSeconds(60)));

    assertThat(listActive(tenant)).isEmpty();
    assertThat(isRevoked(tenant, nil)).isFalse();
  }

  @Test
  void aTokensDigestIsFreeAgainOnceTheTokenIsGone() {
    TckClock clock = freezeClockAtNow();
    TokenHash swept = freshTokenHash();
    TokenHash ofDeletedUser = freshTokenHash();
    TokenHash ofDeletedTenant = freshTokenHash();
    await(store().tokens().create(tenant, new NewToken(TokenId.random(), alice.id(), swept, NOW)));
    User bob = await(store().users().create(tenant, NewUser.of("bob", RoleKind.TENANT_USER)));
    await(
        store()
            .tokens()
            .create(
                tenant, new NewToken(TokenId.random(), bob.id(), ofDeletedUser, NOW.plus(DAY))));
    TenantId doomed = newTenant();
    User carol = newUser(doomed, "carol");
    await(
        store()
            .tokens()
            .create(
                doomed,
                new NewToken(TokenId.random(), carol.id(), ofDeletedTenant, NOW.plus(DAY))));

    await(store().tokens().cleanupExpired());
    await(store().users().delete(tenant, bob.id()));
    await(store().tenants().delete(doomed));

    for (TokenHash hash : List.of(swept, ofDeletedUser, ofDeletedTenant)) {
      Token again =
          await(
              store()
                  .tokens()
                  .create(tenant, new NewToken(TokenId.random(), alice.id(), hash, NOW.plus(DAY))));
      assertThat(validate(hash)).as("the digest recorded again").contains(again);
    }
    clock.resume();
  }
}
