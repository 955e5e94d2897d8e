package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenCleanup;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.tck.GovernanceIsolationSuite;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.TenantSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code tokens()} facet: one {@link IsolationCase} per method, each
 * proving that no token or revocation of tenant A is observable or changeable through tenant B,
 * although alice's tokens have the same id in both tenants, that a digest validates its owner's
 * token with its owner's tenant only, and that the store-wide cleanup removes only what expired
 * (see {@link GovernanceIsolationSuite}).
 */
public abstract class TokenIsolationContract extends GovernanceIsolationSuite {

  @Test
  @IsolationCase("tokens.create")
  void createTokenRecordsForTheCallersUsersOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(
        ObjectType.USER,
        () ->
            store()
                .tokens()
                .create(
                    b, new NewToken(TokenId.random(), twins.a().bob().id(), fresh(), inADay())));
    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tokens()
                .create(
                    b,
                    new NewToken(
                        TokenId.random(), twins.b().bob().id(), twins.a().aliceHash(), inADay())));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    // Token ids are unique per tenant: B may record a token of the id A's admin's token has.
    TokenId aAdminsId = twins.a().adminToken().id();
    Token bs = recordToken(b, aAdminsId, twins.b().bob().id(), randomSecret(), inADay());
    assertThat(bs.tenant()).isEqualTo(b);
    assertThat(bs.user()).isEqualTo(twins.b().bob().id());
    assertUnchanged(a, aBefore);
    assertThat(await(store().tokens().get(a, aAdminsId))).contains(twins.a().adminToken());
  }

  @Test
  @IsolationCase("tokens.get")
  void getTokenReadsTheCallersTokenOfThatId() {
    GovernedTwins twins = governedTwins();

    assertThat(await(store().tokens().get(twins.b().tenant(), ALICE_TOKEN)))
        .contains(twins.b().aliceToken());
    assertThat(await(store().tokens().get(twins.a().tenant(), ALICE_TOKEN)))
        .contains(twins.a().aliceToken());
    assertThat(await(store().tokens().get(twins.b().tenant(), twins.a().adminToken().id())))
        .isEmpty();
    assertThat(await(store().tokens().get(TenantId.SYSTEM, ALICE_TOKEN))).isEmpty();
  }

  @Test
  @IsolationCase("tokens.validate")
  void validateFindsTheDigestsOwnerWithItsTenantOnly() {
    GovernedTwins twins = governedTwins();
    TenantSnapshot aBefore = snapshot(twins.a().tenant());
    TenantSnapshot bBefore = snapshot(twins.b().tenant());

    assertThat(await(store().tokens().validate(twins.a().aliceHash())))
        .contains(twins.a().aliceToken());
    assertThat(await(store().tokens().validate(twins.b().aliceHash())))
        .contains(twins.b().aliceToken());
    assertThat(await(store().tokens().validate(twins.a().adminHash())))
        .contains(twins.a().adminToken());
    assertThat(await(store().tokens().validate(fresh()))).isEmpty();
    assertUnchanged(twins.a().tenant(), aBefore);
    assertUnchanged(twins.b().tenant(), bBefore);

    // B revoking its alice's token (the same id as A's) leaves A's valid, and the other way round.
    await(store().tokens().revoke(twins.b().tenant(), ALICE_TOKEN, "stolen", inADay()));
    assertThat(await(store().tokens().validate(twins.b().aliceHash()))).isEmpty();
    assertThat(await(store().tokens().validate(twins.a().aliceHash())))
        .contains(twins.a().aliceToken());
  }

  @Test
  @IsolationCase("tokens.revoke")
  void revokeTokenAffectsTheCallersTokenOfThatIdOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TokenId aAdminsId = twins.a().adminToken().id();
    watch(b, aAdminsId);

    Revocation revocation = await(store().tokens().revoke(b, aAdminsId, "not ours", inADay()));
    assertThat(revocation.tenant()).isEqualTo(b);
    assertThat(await(store().tokens().isRevoked(b, aAdminsId))).isTrue();
    assertUnchanged(a, aBefore);
    assertThat(await(store().tokens().validate(twins.a().adminHash())))
        .contains(twins.a().adminToken());

    await(store().tokens().revoke(b, ALICE_TOKEN, "stolen", inADay()));
    assertUnchanged(a, aBefore);
    assertThat(await(store().tokens().validate(twins.a().aliceHash())))
        .contains(twins.a().aliceToken());
    assertThat(await(store().tokens().listActive(b, PageRequest.firstPage())).items())
        .containsExactly(twins.b().adminToken());
  }

  @Test
  @IsolationCase("tokens.isRevoked")
  void isRevokedSaysWhatTheCallersTenantRevoked() {
    GovernedTwins twins = governedTwins();
    TokenId revokedInA = TokenId.random();
    await(store().tokens().revoke(twins.a().tenant(), revokedInA, "lost", inADay()));

    assertThat(await(store().tokens().isRevoked(twins.a().tenant(), revokedInA))).isTrue();
    assertThat(await(store().tokens().isRevoked(twins.b().tenant(), revokedInA))).isFalse();
    assertThat(await(store().tokens().isRevoked(TenantId.SYSTEM, revokedInA))).isFalse();
    assertThat(await(store().tokens().isRevoked(twins.b().tenant(), ALICE_REVOKED))).isTrue();
    assertThat(await(store().tokens().isRevoked(twins.b().tenant(), ALICE_TOKEN))).isFalse();
  }

  @Test
  @IsolationCase("tokens.listActive")
  void listActiveShowsTheCallersTokensOnlyAndRefusesAnotherTenantsToken() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    String aToken =
        await(store().tokens().listActive(a, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().tokens().listActive(b, page)))
        .containsExactlyInAnyOrder(twins.b().aliceToken(), twins.b().adminToken());
    assertThat(PagedReads.all(page -> store().tokens().listActive(a, page)))
        .containsExactlyInAnyOrder(twins.a().aliceToken(), twins.a().adminToken());
    assertInvalid(
        "page.pageToken", () -> store().tokens().listActive(b, PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("tokens.listActiveForUser")
  void listActiveForUserShowsTheCallersUsersTokensOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    recordToken(a, TokenId.random(), twins.a().alice().id(), randomSecret(), inADay());
    String aToken =
        await(
                store()
                    .tokens()
                    .listActiveForUser(a, twins.a().alice().id(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(
            PagedReads.all(
                page -> store().tokens().listActiveForUser(b, twins.b().alice().id(), page)))
        .containsExactly(twins.b().aliceToken());
    assertMissing(
        ObjectType.USER,
        () ->
            store().tokens().listActiveForUser(b, twins.a().alice().id(), PageRequest.firstPage()));
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .tokens()
                .listActiveForUser(b, twins.b().alice().id(), PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("tokens.cleanupExpired")
  void cleanupExpiredRemovesOnlyWhatExpiredInEveryTenant() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);
    // A token of A that expired an hour ago and, where the TCK controls the store's clock, a
    // token and a revocation of A that expire a minute after they are recorded, then let expire.
    Instant past = Instant.now().minus(Duration.ofHours(1));
    TokenId expired = TokenId.random();
    await(store().tokens().create(a, new NewToken(expired, twins.a().alice().id(), fresh(), past)));
    Optional<TckClock> clock = fixture().clock();
    TokenId soonExpired = TokenId.random();
    TokenCleanup cleanup;
    try {
      clock.ifPresent(
          c -> {
            Instant now = Instant.now();
            c.freezeAt(now);
            Instant soon = now.plus(Duration.ofMinutes(1));
            await(
                store()
                    .tokens()
                    .create(a, new NewToken(soonExpired, twins.a().alice().id(), fresh(), soon)));
            await(store().tokens().revoke(a, TokenId.random(), "expires soon", soon));
            c.advance(Duration.ofMinutes(2));
          });
      cleanup = await(store().tokens().cleanupExpired());
    } finally {
      clock.ifPresent(TckClock::resume);
    }

    assertThat(cleanup.tokens()).as("expired tokens removed").isGreaterThanOrEqualTo(1);
    if (clock.isPresent()) {
      assertThat(cleanup.tokens()).as("expired tokens removed").isGreaterThanOrEqualTo(2);
      assertThat(cleanup.revocations()).as("expired revocations removed").isPositive();
      assertThat(await(store().tokens().get(a, soonExpired))).isEmpty();
    }
    assertThat(await(store().tokens().get(a, expired))).isEmpty();
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);
    assertThat(await(store().tokens().validate(twins.a().aliceHash())))
        .contains(twins.a().aliceToken());
  }

  private static TokenHash fresh() {
    return TokenHash.sha256Of(randomSecret());
  }
}
