package dev.catalogstore.examples;

import static dev.catalogstore.examples.Scene.ORDERS;
import static dev.catalogstore.examples.Scene.SALES;

import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.spi.PermissionResolver;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Identity and access, as a catalog service stores it: a tenant admin, a role granting reads of a
 * namespace, decided by the shared {@link PermissionResolver}; a service user that authenticates by
 * the digest of its API key (the store never sees the key); and a token validated, revoked and
 * swept away once expired (the store never sees the token either).
 */
final class AccessSteps {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Scene scene;

  AccessSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<User> grantThroughARole() {
    scene.step("A tenant admin, and a role that lets an analyst read one namespace");
    Grant readSales = Grant.of(NamespaceScope.of(scene.tenant(), SALES), Action.READ, Action.LIST);
    return scene
        .store()
        .users()
        .create(
            scene.tenant(),
            NewUser.of("alice", RoleKind.TENANT_ADMIN).withEmail("alice@acme.example"))
        .thenCompose(
            alice -> {
              scene.say("created user alice: " + alice.roleKind());
              return scene
                  .store()
                  .users()
                  .create(scene.tenant(), NewUser.of("bob", RoleKind.TENANT_USER));
            })
        .thenCompose(
            bob ->
                scene
                    .store()
                    .roles()
                    .create(scene.tenant(), NewRole.of("analyst", readSales))
                    .thenCompose(
                        analyst ->
                            scene.store().roles().assign(scene.tenant(), analyst.id(), bob.id()))
                    .thenCompose(
                        assigned ->
                            scene
                                .store()
                                .permissions()
                                .listUserPermissions(
                                    scene.tenant(), bob.id(), PageRequest.firstPage(100)))
                    .thenApply(
                        page -> {
                          List<Grant> grants =
                              page.items().stream().map(EffectivePermission::grant).toList();
                          scene.say("role analyst (READ, LIST on sales) assigned to bob");
                          AssetScope orders = AssetScope.of(scene.tenant(), ORDERS);
                          boolean read = PermissionResolver.allows(grants, Action.READ, orders);
                          boolean write = PermissionResolver.allows(grants, Action.WRITE, orders);
                          scene.say("may bob READ sales.2024.q1.orders? " + yesNo(read));
                          scene.say("may bob WRITE it? " + yesNo(write));
                          if (!read || write) {
                            throw new IllegalStateException("the role's grant was not resolved");
                          }
                          return bob;
                        }));
  }

  CompletableFuture<Void> authenticateAServiceUser() {
    scene.step("A service user authenticates by the digest of its API key");
    String apiKey = randomSecret();
    return scene
        .store()
        .serviceUsers()
        .create(
            scene.tenant(),
            NewServiceUser.of("nightly-ingest", RoleKind.TENANT_USER, ApiKeyHash.sha256Of(apiKey)))
        .thenCompose(
            created -> {
              scene.say("created service user nightly-ingest; the store got SHA-256 of its key");
              return scene.store().serviceUsers().findByApiKeyHash(ApiKeyHash.sha256Of(apiKey));
            })
        .thenCompose(
            found -> {
              if (found.isEmpty() || !found.get().tenant().equals(scene.tenant())) {
                throw new IllegalStateException("the key did not authenticate");
              }
              scene.say("request with the key: nightly-ingest of this tenant");
              return scene
                  .store()
                  .serviceUsers()
                  .findByApiKeyHash(ApiKeyHash.sha256Of(randomSecret()));
            })
        .thenAccept(
            stranger -> {
              scene.say("request with another key: " + (stranger.isEmpty() ? "nobody" : "LEAK"));
              if (stranger.isPresent()) {
                throw new IllegalStateException("an unknown key authenticated");
              }
            });
  }

  CompletableFuture<Void> revokeAndSweepTokens(User bob) {
    scene.step("A token validates until it is revoked; expired ones are swept away");
    String secret = randomSecret();
    String yesterdays = randomSecret();
    Instant now = Instant.now();
    TokenId session = TokenId.random();
    TokenId expired = TokenId.random();
    return scene
        .store()
        .tokens()
        .create(
            scene.tenant(),
            new NewToken(
                session, bob.id(), TokenHash.sha256Of(secret), now.plus(Duration.ofHours(1))))
        .thenCompose(ignored -> scene.store().tokens().validate(TokenHash.sha256Of(secret)))
        .thenCompose(
            valid -> {
              scene.say("bob's session token validates: " + yesNo(valid.isPresent()));
              return scene
                  .store()
                  .tokens()
                  .revoke(scene.tenant(), session, "signed out", now.plus(Duration.ofHours(1)));
            })
        .thenCompose(
            revocation -> {
              scene.say("revoked (\"" + revocation.reason() + "\")");
              return scene.store().tokens().validate(TokenHash.sha256Of(secret));
            })
        .thenCompose(
            valid -> {
              scene.say("the token validates after the revocation: " + yesNo(valid.isPresent()));
              if (valid.isPresent()) {
                throw new IllegalStateException("a revoked token validated");
              }
              // A token issued yesterday that expired an hour ago, as a service would find it.
              return scene
                  .store()
                  .tokens()
                  .create(
                      scene.tenant(),
                      new NewToken(
                          expired,
                          bob.id(),
                          TokenHash.sha256Of(yesterdays),
                          now.minus(Duration.ofHours(1))));
            })
        .thenCompose(ignored -> scene.store().tokens().cleanupExpired())
        .thenCompose(
            cleanup -> {
              scene.say(
                  "cleanupExpired removed the expired token (store-wide: "
                      + cleanup.tokens()
                      + " token(s), "
                      + cleanup.revocations()
                      + " revocation(s))");
              return scene.store().tokens().get(scene.tenant(), expired);
            })
        .thenAccept(
            gone -> {
              scene.say("the expired token is gone: " + yesNo(gone.isEmpty()));
              if (gone.isPresent()) {
                throw new IllegalStateException("cleanup kept an expired token");
              }
            });
  }

  private static String yesNo(boolean answer) {
    return answer ? "yes" : "no";
  }

  /** A random 256-bit secret, as a service issues for an API key or a token. */
  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
