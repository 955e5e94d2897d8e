package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The base of the governance input-rules suites: bad input to every method of the users, roles,
 * permissions, service users and tokens facets fails with {@link InvalidArgumentException} naming
 * the field as {@link dev.catalogstore.api.spi.GovernanceRequests} names it (the parameter's name,
 * nested with dots), also under a tenant that does not exist (validation comes first), and a
 * refused call changes nothing: the {@link GovWorld} it ran in, read back whole with its tokens'
 * and keys' look-ups, is unchanged.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class GovernanceInputRulesSuite extends InputRulesSuite {

  /** Strings the name rule refuses, {@code null} included (see {@link TckNames#invalid()}). */
  protected static List<String> invalidNames() {
    List<String> names = new ArrayList<>();
    TckNames.invalid().forEach(arguments -> names.add((String) arguments.get()[1]));
    return names;
  }

  /**
   * Digests the store refuses, each with what is wrong: anything but 64 to 128 lowercase hex
   * digits, an even number.
   */
  protected static Map<String, String> invalidDigests() {
    String valid = "ab".repeat(32);
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("uppercase hex", valid.toUpperCase());
    digests.put("odd length", valid + "a");
    digests.put("too short (62 digits)", "ab".repeat(31));
    digests.put("too long (130 digits)", "ab".repeat(65));
    digests.put("not hex", "zz" + valid.substring(2));
    digests.put("empty", "");
    digests.put("padded", " " + valid.substring(1));
    return digests;
  }

  /** An instant before year 1, which no store keeps. */
  protected static final Instant TOO_EARLY = Instant.parse("-0001-12-31T00:00:00Z");

  /** An instant in year 10000, which no store keeps. */
  protected static final Instant TOO_LATE = Instant.parse("+10000-01-01T00:00:00Z");

  /** A day from now, in real time. */
  protected static Instant inADay() {
    return Instant.now().plus(Duration.ofDays(1));
  }

  /** A fresh valid API key digest. */
  protected static ApiKeyHash freshKey() {
    return ApiKeyHash.sha256Of(GovernanceSuite.randomSecret());
  }

  /** A fresh valid token digest. */
  protected static TokenHash freshTokenHash() {
    return TokenHash.sha256Of(GovernanceSuite.randomSecret());
  }

  /** A grant of READ on the catalog {@link #CAT} of {@code tenant}. */
  protected static Grant catGrant(TenantId tenant) {
    return Grant.of(new PermissionScope.CatalogScope(tenant, CAT), Action.READ);
  }

  /**
   * A {@link World} with governance content: a user holding a role, a direct permission and a
   * token, a service user, and a revoked token id. Reading it back includes the tokens' state and
   * what the digests of the token and of the key find.
   */
  protected final class GovWorld {
    public final TenantId tenant;
    public final User user;
    public final Role role;
    public final Permission permission;
    public final ServiceUser serviceUser;
    public final ApiKeyHash key;
    public final Token token;
    public final TokenHash tokenHash;
    public final TokenId revoked = TokenId.random();
    private final World world;
    private final TenantSnapshot before;
    private final List<Object> lookUpsBefore;

    public GovWorld() {
      world = new World();
      tenant = world.tenant;
      user = await(store().users().create(tenant, NewUser.of("user", RoleKind.TENANT_USER)));
      role = await(store().roles().create(tenant, NewRole.of("role", catGrant(tenant))));
      await(store().roles().assign(tenant, role.id(), user.id()));
      permission =
          await(
              store()
                  .permissions()
                  .grant(
                      tenant,
                      user.id(),
                      Grant.of(new PermissionScope.TenantScope(tenant), Action.LIST)));
      key = freshKey();
      serviceUser =
          await(
              store()
                  .serviceUsers()
                  .create(tenant, NewServiceUser.of("service", RoleKind.TENANT_USER, key)));
      tokenHash = freshTokenHash();
      token =
          await(
              store()
                  .tokens()
                  .create(tenant, new NewToken(TokenId.random(), user.id(), tokenHash, inADay())));
      await(store().tokens().revoke(tenant, revoked, "revoked", inADay()));
      before = read();
      lookUpsBefore = lookUps();
    }

    private TenantSnapshot read() {
      return TenantSnapshot.read(store(), tenant, List.of(token.id(), revoked));
    }

    private List<Object> lookUps() {
      return List.of(
          await(store().tokens().validate(tokenHash)),
          await(store().serviceUsers().findByApiKeyHash(key)));
    }

    /** Asserts that the world holds exactly what it held when it was created. */
    public void assertUnchanged() {
      world.assertUnchanged();
      assertThat(read()).as("the tenant's data after the refused calls").isEqualTo(before);
      assertThat(lookUps())
          .as("the digests' look-ups after the refused calls")
          .isEqualTo(lookUpsBefore);
    }
  }

  /**
   * Calls that must each be refused on one field, under the world's tenant and under a tenant that
   * does not exist; every call runs, and {@link #verify} reports all that were not refused so, then
   * proves the world unchanged.
   */
  protected final class Refusals {
    private final GovWorld world;
    private final Map<String, String> wrong = new LinkedHashMap<>();
    private int calls;

    public Refusals(GovWorld world) {
      this.world = world;
    }

    /** {@code call} under a tenant must be refused on {@code field}. */
    public Refusals refuse(
        String what, String field, Function<TenantId, CompletableFuture<?>> call) {
      for (TenantId tenant : List.of(world.tenant, TenantId.random())) {
        calls++;
        String label = what + (tenant.equals(world.tenant) ? "" : " under a missing tenant");
        @SuppressWarnings("unchecked")
        ConcurrentCalls.Outcome<Object> outcome =
            ConcurrentCalls.Outcome.of(() -> (CompletableFuture<Object>) call.apply(tenant));
        Optional<CatalogStoreException> failure = outcome.failure();
        if (failure.isEmpty()) {
          wrong.put(label, "succeeded with " + outcome.value().orElse(null));
        } else if (!(failure.get() instanceof InvalidArgumentException invalid)) {
          wrong.put(label, "failed with " + failure.get());
        } else if (!field.equals(invalid.field())) {
          wrong.put(label, "named the field " + invalid.field() + " instead of " + field);
        }
      }
      return this;
    }

    /** Asserts that every call was refused on its field and that nothing changed. */
    public void verify() {
      List<String> report = new ArrayList<>();
      wrong.forEach((call, problem) -> report.add(call + " " + problem));
      assertThat(report)
          .as("of %d calls, those not refused with InvalidArgumentException on their field", calls)
          .isEmpty();
      world.assertUnchanged();
    }
  }
}
