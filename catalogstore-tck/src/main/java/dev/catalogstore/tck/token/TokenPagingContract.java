package dev.catalogstore.tck.token;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code tokens().listActive} and {@code tokens().listActiveForUser}: the rules of {@link
 * TenantScopedPagingSuite}, each list under a fresh tenant. These lists are ordered by the token's
 * id, which the caller chooses: each item's name is turned into a {@link TokenId} whose string
 * sorts exactly as the name does in code-point order (six hex digits per code point), so the
 * suite's rules about order hold as they are. Revoking a token takes it off both lists; a revoked
 * or expired token of the tenant is never listed. A token is bound to its list and its user.
 */
public abstract class TokenPagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(
        new PagedList("ACTIVE_TOKENS", () -> new TokenListing(newTenant(), false)),
        new PagedList("USER_ACTIVE_TOKENS", () -> new TokenListing(newTenant(), true)));
  }

  @Test
  void aTokenOfOneUsersTokensIsRefusedForAnotherUserAndByTheTenantsList() {
    TenantId tenant = newTenant();
    TokenListing one = new TokenListing(tenant, true);
    List.of("a", "b").forEach(one::create);
    UserId other = newUser(tenant, "another");
    String token =
        tokenAfterFirst(
            store().tokens().listActiveForUser(tenant, one.user, PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN,
        () -> store().tokens().listActiveForUser(tenant, other, PageRequest.nextPage(token, 1)));
    assertInvalid(TOKEN, () -> store().tokens().listActive(tenant, PageRequest.nextPage(token, 1)));
    String tenants = tokenAfterFirst(store().tokens().listActive(tenant, PageRequest.firstPage(1)));
    assertInvalid(
        TOKEN,
        () ->
            store().tokens().listActiveForUser(tenant, one.user, PageRequest.nextPage(tenants, 1)));
    assertInvalid(
        TOKEN, () -> store().permissions().list(tenant, PageRequest.nextPage(tenants, 1)));
  }

  /**
   * The token id that sorts as {@code name} does: each of its first five code points as six hex
   * digits, then zeros, so that a shorter name sorts before its extensions.
   */
  static TokenId idSortingAs(String name) {
    StringBuilder hex = new StringBuilder();
    name.codePoints().limit(5).forEach(c -> hex.append(String.format("%06x", c)));
    if (name.codePointCount(0, name.length()) > 5) {
      throw new IllegalArgumentException("names of the paging rules have at most 5 code points");
    }
    while (hex.length() < 32) {
      hex.append('0');
    }
    byte[] bytes = HexFormat.of().parseHex(hex);
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) {
      most = (most << 8) | (bytes[i] & 0xff);
      least = (least << 8) | (bytes[i + 8] & 0xff);
    }
    return new TokenId(new UUID(most, least));
  }

  private UserId newUser(TenantId tenant, String name) {
    return await(store().users().create(tenant, NewUser.of(name, RoleKind.TENANT_USER))).id();
  }

  private final class TokenListing extends Listing {
    private final TenantId tenant;
    private final UserId user;
    private final boolean ofUser;
    private final Map<String, TokenId> tokens = new ConcurrentHashMap<>();

    TokenListing(TenantId tenant, boolean ofUser) {
      this.tenant = tenant;
      this.ofUser = ofUser;
      this.user = newUser(tenant, "holder");
      Instant past = Instant.now().minus(Duration.ofHours(1));
      // Tokens no list may show: an expired one, a revoked one, and (for a user's list) one of
      // another user. Their ids sort among the suite's names.
      record(tenant, idSortingAs("b0"), user, past);
      record(tenant, idSortingAs("c0"), user, inADay());
      await(store().tokens().revoke(tenant, idSortingAs("c0"), "revoked", inADay()));
      if (ofUser) {
        record(tenant, idSortingAs("d0"), newUser(tenant, "other"), inADay());
      }
    }

    @Override
    protected void create(String name) {
      TokenId id = idSortingAs(name);
      record(tenant, id, user, inADay());
      tokens.put(id.toString(), id);
      names.put(id.toString(), name);
    }

    private final Map<String, String> names = new ConcurrentHashMap<>();

    @Override
    protected void delete(String name) {
      await(store().tokens().revoke(tenant, idSortingAs(name), "deleted", inADay()));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      CompletableFuture<Page<Token>> page =
          ofUser
              ? store().tokens().listActiveForUser(tenant, user, request)
              : store().tokens().listActive(tenant, request);
      return page.thenApply(
          p -> names(p, token -> names.getOrDefault(token.id().toString(), token.id().toString())));
    }

    private void record(TenantId tenant, TokenId id, UserId user, Instant expiresAt) {
      await(
          store()
              .tokens()
              .create(
                  tenant,
                  new NewToken(
                      id, user, TokenHash.sha256Of(UUID.randomUUID() + id.toString()), expiresAt)));
    }
  }

  private static Instant inADay() {
    return Instant.now().plus(Duration.ofDays(1));
  }
}
