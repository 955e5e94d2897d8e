package dev.catalogstore.tck;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionScope;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base of the governance isolation suites: {@link IsolationSuite}'s twin tenants A and B, each
 * also given the same governance content under the same names (see {@link Governed}), so that every
 * lookup by name has a twin to leak to. Only the ids, the digests of secrets and the timestamps
 * differ between A and B; the tokens of user {@code alice} even share their id, which the contract
 * makes unique per tenant only.
 *
 * <p>The snapshots of this suite watch the token ids each tenant was given, so that a revocation or
 * a token lost in one tenant shows in {@link #assertUnchanged}.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class GovernanceIsolationSuite extends IsolationSuite {
  /** A tenant administrator, holding role {@link #WRITERS} and a direct tenant-wide grant. */
  protected static final String ADMIN = "admin";

  /** A tenant user holding role {@link #READERS}, a direct grant and two tokens, one revoked. */
  protected static final String ALICE = "alice";

  /** An inactive tenant user without roles. */
  protected static final String BOB = "bob";

  /** A role granting READ and LIST on the sample catalog. */
  protected static final String READERS = "readers";

  /** A role granting WRITE on the whole tenant. */
  protected static final String WRITERS = "writers";

  /** A service user of both tenants, each with its own key. */
  protected static final String INGEST = "ingest";

  /** The id of alice's active token, in both tenants. */
  protected static final TokenId ALICE_TOKEN = TokenId.random();

  /** The id of alice's revoked token, in both tenants. */
  protected static final TokenId ALICE_REVOKED = TokenId.random();

  private final Map<TenantId, Set<TokenId>> watched = new ConcurrentHashMap<>();

  /**
   * The governance content of one twin.
   *
   * @param tenant the tenant
   * @param admin user {@link #ADMIN}
   * @param alice user {@link #ALICE}
   * @param bob user {@link #BOB}, inactive
   * @param readers role {@link #READERS}, assigned to alice
   * @param writers role {@link #WRITERS}, assigned to admin
   * @param aliceGrant alice's direct permission: READ on the sample's {@code orders}
   * @param adminGrant admin's direct permission: MANAGE_USERS on the tenant
   * @param ingest service user {@link #INGEST}
   * @param ingestKey its API key
   * @param aliceToken alice's active token {@link #ALICE_TOKEN}
   * @param aliceSecret the secret of that token
   * @param adminToken admin's active token (its id differs per tenant)
   * @param adminSecret the secret of that token
   */
  protected record Governed(
      TenantId tenant,
      User admin,
      User alice,
      User bob,
      Role readers,
      Role writers,
      Permission aliceGrant,
      Permission adminGrant,
      ServiceUser ingest,
      String ingestKey,
      Token aliceToken,
      String aliceSecret,
      Token adminToken,
      String adminSecret) {
    /** The digest of {@link #ingestKey}. */
    public ApiKeyHash ingestHash() {
      return ApiKeyHash.sha256Of(ingestKey);
    }

    /** The digest of {@link #aliceSecret}. */
    public TokenHash aliceHash() {
      return TokenHash.sha256Of(aliceSecret);
    }

    /** The digest of {@link #adminSecret}. */
    public TokenHash adminHash() {
      return TokenHash.sha256Of(adminSecret);
    }
  }

  /**
   * Twin tenants with the sample content and the same governance content.
   *
   * @param twins the tenants
   * @param a tenant A's governance content
   * @param b tenant B's governance content
   */
  protected record GovernedTwins(Twins twins, Governed a, Governed b) {}

  /** Creates twin tenants A and B, each with the sample content and the governance content. */
  protected GovernedTwins governedTwins() {
    Twins twins = twins();
    return new GovernedTwins(twins, govern(twins.a()), govern(twins.b()));
  }

  /** Gives {@code tenant} the governance content of a twin. */
  protected Governed govern(TenantId tenant) {
    User admin =
        await(
            store()
                .users()
                .create(
                    tenant,
                    NewUser.of(ADMIN, RoleKind.TENANT_ADMIN)
                        .withEmail("admin@example.com")
                        .withDisplayName("The Admin")));
    User alice = await(store().users().create(tenant, NewUser.of(ALICE, RoleKind.TENANT_USER)));
    User bob =
        await(store().users().create(tenant, NewUser.of(BOB, RoleKind.TENANT_USER).inactive()));
    Role readers =
        await(
            store()
                .roles()
                .create(
                    tenant,
                    NewRole.of(READERS, catalogGrant(tenant, CATALOG, Action.READ, Action.LIST))
                        .withDescription("reads the lake")));
    Role writers =
        await(
            store()
                .roles()
                .create(tenant, NewRole.of(WRITERS, Grant.of(tenantScope(tenant), Action.WRITE))));
    await(store().roles().assign(tenant, readers.id(), alice.id()));
    await(store().roles().assign(tenant, writers.id(), admin.id()));
    Permission aliceGrant =
        await(
            store()
                .permissions()
                .grant(
                    tenant,
                    alice.id(),
                    Grant.of(PermissionScope.AssetScope.of(tenant, ORDERS), Action.READ)));
    Permission adminGrant =
        await(
            store()
                .permissions()
                .grant(tenant, admin.id(), Grant.of(tenantScope(tenant), Action.MANAGE_USERS)));
    String ingestKey = randomSecret();
    ServiceUser ingest =
        await(
            store()
                .serviceUsers()
                .create(
                    tenant,
                    NewServiceUser.of(INGEST, RoleKind.TENANT_USER, ApiKeyHash.sha256Of(ingestKey))
                        .withDescription("loads the lake")));
    String aliceSecret = randomSecret();
    Token aliceToken = recordToken(tenant, ALICE_TOKEN, alice.id(), aliceSecret, inADay());
    String adminSecret = randomSecret();
    Token adminToken = recordToken(tenant, TokenId.random(), admin.id(), adminSecret, inADay());
    recordToken(tenant, ALICE_REVOKED, alice.id(), randomSecret(), inADay());
    await(store().tokens().revoke(tenant, ALICE_REVOKED, "lost", inADay()));
    watch(tenant, ALICE_TOKEN, ALICE_REVOKED, adminToken.id());
    return new Governed(
        tenant,
        admin,
        alice,
        bob,
        readers,
        writers,
        aliceGrant,
        adminGrant,
        ingest,
        ingestKey,
        aliceToken,
        aliceSecret,
        adminToken,
        adminSecret);
  }

  /** Records a token of {@code user} with the digest of {@code secret}. */
  protected Token recordToken(
      TenantId tenant, TokenId id, UserId user, String secret, Instant expiresAt) {
    Token token =
        await(
            store()
                .tokens()
                .create(tenant, new NewToken(id, user, TokenHash.sha256Of(secret), expiresAt)));
    watch(tenant, id);
    return token;
  }

  /** Makes the snapshots of {@code tenant} include the state of the token ids {@code ids}. */
  protected void watch(TenantId tenant, TokenId... ids) {
    Set<TokenId> set = watched.computeIfAbsent(tenant, t -> new LinkedHashSet<>());
    synchronized (set) {
      set.addAll(Arrays.asList(ids));
    }
  }

  /** Everything {@code tenant} holds now, the token ids it was given included. */
  @Override
  protected TenantSnapshot snapshot(TenantId tenant) {
    Set<TokenId> ids = watched.getOrDefault(tenant, Set.of());
    synchronized (ids) {
      return TenantSnapshot.read(store(), tenant, Set.copyOf(ids));
    }
  }

  /** A fresh random secret of 256 bits, as a service would issue for an API key or a token. */
  protected static String randomSecret() {
    return GovernanceSuite.randomSecret();
  }

  /** A day from now, in real time: tokens and revocations of the twins outlive every test. */
  protected static Instant inADay() {
    return Instant.now().plus(Duration.ofDays(1));
  }

  /** The scope of the whole of {@code tenant}. */
  protected static PermissionScope tenantScope(TenantId tenant) {
    return new PermissionScope.TenantScope(tenant);
  }

  /** A grant of {@code actions} on the catalog {@code catalog} of {@code tenant}. */
  protected static Grant catalogGrant(TenantId tenant, String catalog, Action... actions) {
    return Grant.of(new PermissionScope.CatalogScope(tenant, catalog), actions);
  }

  /** Asserts the call fails with {@link NotFoundException} saying {@code missing}. */
  protected static void assertMissing(ObjectType missing, ThrowingCall<CompletableFuture<?>> call) {
    NotFoundException e = assertFails(NotFoundException.class, call);
    assertThat(e.missing()).as("what %s says is missing", e).isEqualTo(missing);
  }
}
