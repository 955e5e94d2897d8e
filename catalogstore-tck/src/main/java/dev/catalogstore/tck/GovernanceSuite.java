package dev.catalogstore.tck;

import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The base of the governance suites (users, roles, permissions, service users, tokens): fresh
 * users, roles, service users with their API keys and tokens with their secrets, built as a service
 * would build them: a random secret, of which the store gets only the digest.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class GovernanceSuite extends SampleTenantSuite {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh random secret of 256 bits, as a service would issue for an API key or a token. */
  protected static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Creates an active {@code TENANT_USER} named {@code username} in {@code tenant}. */
  protected User newUser(TenantId tenant, String username) {
    return newUser(tenant, NewUser.of(username, RoleKind.TENANT_USER));
  }

  /** Creates {@code user} in {@code tenant}. */
  protected User newUser(TenantId tenant, NewUser user) {
    return await(store().users().create(tenant, user));
  }

  /** Creates a role named {@code name} holding {@code grants} in {@code tenant}. */
  protected Role newRole(TenantId tenant, String name, Grant... grants) {
    return await(store().roles().create(tenant, NewRole.of(name, grants)));
  }

  /**
   * A service user and the API key it was created with.
   *
   * @param serviceUser what the store returned
   * @param apiKey the key, which the store never saw
   */
  protected record KeyedServiceUser(ServiceUser serviceUser, String apiKey) {
    /** The digest of the key, as the service computes it to authenticate a request. */
    public ApiKeyHash hash() {
      return ApiKeyHash.sha256Of(apiKey);
    }
  }

  /** Creates a never-expiring {@code TENANT_USER} service user with a fresh random key. */
  protected KeyedServiceUser newServiceUser(TenantId tenant, String name) {
    String key = randomSecret();
    ServiceUser created =
        await(
            store()
                .serviceUsers()
                .create(
                    tenant,
                    NewServiceUser.of(name, RoleKind.TENANT_USER, ApiKeyHash.sha256Of(key))));
    return new KeyedServiceUser(created, key);
  }

  /**
   * A recorded token and its secret.
   *
   * @param token what the store returned
   * @param secret the token itself, which the store never saw
   */
  protected record IssuedToken(Token token, String secret) {
    /** The digest of the token, as the service computes it to validate a request. */
    public TokenHash hash() {
      return TokenHash.sha256Of(secret);
    }
  }

  /** Records a fresh random token of {@code user} expiring at {@code expiresAt}. */
  protected IssuedToken newToken(TenantId tenant, UserId user, Instant expiresAt) {
    return newToken(tenant, TokenId.random(), user, expiresAt);
  }

  /**
   * Records a token of {@code user} with id {@code id} and a fresh secret, expiring at {@code
   * expiresAt}.
   */
  protected IssuedToken newToken(TenantId tenant, TokenId id, UserId user, Instant expiresAt) {
    String secret = randomSecret();
    Token token =
        await(
            store()
                .tokens()
                .create(tenant, new NewToken(id, user, TokenHash.sha256Of(secret), expiresAt)));
    return new IssuedToken(token, secret);
  }

  /** Records a fresh random token of {@code user} expiring in a day from the real time. */
  protected IssuedToken newToken(TenantId tenant, UserId user) {
    return newToken(tenant, user, Instant.now().plus(Duration.ofDays(1)));
  }
}
