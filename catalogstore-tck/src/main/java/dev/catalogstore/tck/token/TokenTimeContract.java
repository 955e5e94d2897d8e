package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.TimeSuite;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time of tokens (see {@link TimeSuite}; skipped without a controllable clock): a token is stamped
 * {@code issuedAt} with now when recorded, a revocation {@code revokedAt} with now when made, and
 * validity, revocations in force and active lists follow the store's clock, not the wall clock.
 */
public abstract class TokenTimeContract extends TimeSuite {
  private TenantId tenant;
  private UserId alice;

  @BeforeEach
  void createTheTenantAndAliceAtT0() {
    tenant = newTenant();
    alice = await(store().users().create(tenant, NewUser.of("alice", RoleKind.TENANT_USER))).id();
  }

  @Test
  void aTokenIsStampedWithNowWhenRecorded() {
    clock.advance(LATER);

    Token token = record(TokenHash.sha256Of(secret()), T0.plus(LATER).plus(LATER));

    assertThat(token.issuedAt()).as("issuedAt").isEqualTo(T0_MICROS.plus(LATER));
    assertThat(await(store().tokens().get(tenant, token.id()))).contains(token);
  }

  @Test
  void aRevocationIsStampedWithNowWhenMade() {
    clock.advance(LATER);
    TokenId id = TokenId.random();

    Revocation revocation =
        await(store().tokens().revoke(tenant, id, "leaked", T0.plus(LATER).plus(LATER)));

    assertThat(revocation.revokedAt()).as("revokedAt").isEqualTo(T0_MICROS.plus(LATER));
    assertThat(revocation.expiresAt())
        .as("expiresAt, kept to the microsecond")
        .isEqualTo(T0_MICROS.plus(LATER).plus(LATER));
  }

  @Test
  void validityFollowsTheStoresClock() {
    // T0 lies years ahead of the wall clock: a store reading the wall clock keeps all of it valid
    TokenHash hash = TokenHash.sha256Of(secret());
    Token token = record(hash, T0.plus(LATER));
    TokenId revoked = TokenId.random();
    await(store().tokens().revoke(tenant, revoked, "r", T0.plus(LATER)));
    assertThat(await(store().tokens().validate(hash))).contains(token);
    assertThat(await(store().tokens().isRevoked(tenant, revoked))).isTrue();

    clock.advance(LATER);

    assertThat(await(store().tokens().validate(hash)))
        .as("the token once the store's clock reached its expiry")
        .isEmpty();
    assertThat(await(store().tokens().isRevoked(tenant, revoked)))
        .as("the revocation once the store's clock reached its expiry")
        .isFalse();
    assertThat(await(store().tokens().listActive(tenant, PageRequest.firstPage())).items())
        .as("active tokens once the store's clock reached their expiry")
        .isEmpty();
  }

  private Token record(TokenHash hash, Instant expiresAt) {
    return await(
        store().tokens().create(tenant, new NewToken(TokenId.random(), alice, hash, expiresAt)));
  }

  private static String secret() {
    return UUID.randomUUID() + "-" + UUID.randomUUID();
  }
}
