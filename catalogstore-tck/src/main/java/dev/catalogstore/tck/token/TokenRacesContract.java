package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.tck.Race;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Concurrent token writes ({@link Race}: racers alternate between the store and its peer): of
 * records with one digest in two tenants exactly one wins and the digest validates to it;
 * concurrent revokes of one id all succeed and all return the same revocation, with one racer's
 * reason.
 */
public abstract class TokenRacesContract extends TokenSuite {
  private static final Instant IN_A_DAY = Instant.now().plus(DAY).truncatedTo(ChronoUnit.MICROS);

  @Test
  void ofConcurrentRecordsWithOneDigestInTwoTenantsExactlyOneWins() {
    TenantId other = newTenant();
    User bob = newUser(other, "bob");
    TokenHash hash = freshTokenHash();
    Instant expiry = Instant.now().plus(DAY);

    List<Race.Outcome<Token>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                racer % 2 == 0
                    ? store
                        .tokens()
                        .create(tenant, new NewToken(TokenId.random(), alice.id(), hash, expiry))
                    : store
                        .tokens()
                        .create(other, new NewToken(TokenId.random(), bob.id(), hash, expiry)));

    Token winner = Race.assertOneWinner(outcomes, AlreadyExistsException.class).value();
    assertThat(validate(hash)).contains(winner);
    assertThat(listActive(winner.tenant())).containsExactly(winner);
    assertThat(listActive(winner.tenant().equals(tenant) ? other : tenant))
        .as("the losing tenant's active tokens")
        .isEmpty();
  }

  @Test
  void concurrentRevokesOfOneIdAllSucceedAndReturnTheSameRevocation() {
    IssuedToken issued = newToken(tenant, alice.id(), IN_A_DAY);

    List<Race.Outcome<Revocation>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store.tokens().revoke(tenant, issued.token().id(), "racer-" + racer, IN_A_DAY));

    assertThat(outcomes)
        .allSatisfy(outcome -> assertThat(outcome.succeeded()).as("%s", outcome).isTrue());
    Revocation first = outcomes.get(0).value();
    assertThat(outcomes)
        .extracting(Race.Outcome::value)
        .as("what each racer's revoke returned")
        .containsOnly(first);
    assertThat(first.reason()).matches("racer-[0-7]");
    assertThat(first.expiresAt()).isEqualTo(IN_A_DAY);
    assertThat(isRevoked(tenant, issued.token().id())).isTrue();
    assertThat(validate(issued.hash())).isEmpty();
  }

  @Test
  void aRevocationRenewedWhileTheSweepRunsIsNeverSweptAway() {
    TckClock clock = freezeClockAtNow();
    for (int round = 0; round < 10; round++) {
      clock.freezeAt(NOW);
      List<TokenId> ids = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        ids.add(TokenId.random());
        revoke(tenant, ids.get(i), "old", NOW.plus(Duration.ofHours(1)));
      }
      clock.freezeAt(NOW.plus(Duration.ofHours(2)));

      List<Race.Outcome<Object>> outcomes =
          Race.run(
              store(),
              peerStore(),
              (store, racer) -> {
                if (racer < 2) {
                  return store.tokens().cleanupExpired().thenApply(swept -> swept);
                }
                List<CompletableFuture<Revocation>> renewals = new ArrayList<>();
                for (int i = racer - 2; i < ids.size(); i += Race.RACERS - 2) {
                  renewals.add(store.tokens().revoke(tenant, ids.get(i), "renewed", NOW.plus(DAY)));
                }
                return CompletableFuture.allOf(renewals.toArray(CompletableFuture[]::new))
                    .thenApply(done -> "renewed");
              });

      assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded()).as("%s", o).isTrue());
      for (TokenId id : ids) {
        assertThat(isRevoked(tenant, id))
            .as("the renewed revocation of %s, round %s", id, round)
            .isTrue();
      }
    }
  }

  @Test
  void aTokenRecordedWhileItsIdIsRevokedStaysRevokedAsLongAsItLives() {
    TckClock clock = freezeClockAtNow();
    for (int round = 0; round < 10; round++) {
      clock.freezeAt(NOW);
      TokenId id = TokenId.random();
      TokenHash hash = freshTokenHash();

      List<Race.Outcome<Object>> outcomes =
          Race.run(
              store(),
              peerStore(),
              (store, racer) ->
                  racer == 0
                      ? store
                          .tokens()
                          .create(tenant, new NewToken(id, alice.id(), hash, NOW.plus(DAY)))
                          .thenApply(token -> token)
                      : store
                          .tokens()
                          .revoke(tenant, id, "racer-" + racer, NOW.plus(Duration.ofHours(1)))
                          .thenApply(revocation -> revocation));

      assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded()).as("%s", o).isTrue());
      clock.freezeAt(NOW.plus(Duration.ofHours(2)));
      await(store().tokens().cleanupExpired());
      assertThat(validate(hash)).as("the revoked token two hours on, round %s", round).isEmpty();
      assertThat(isRevoked(tenant, id)).as("its id two hours on, round %s", round).isTrue();
    }
  }
}
