package dev.catalogstore.tck.serviceuser;

import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.tck.GovernanceSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the service user suites: a fresh tenant, fresh key digests, whole reads of the facet,
 * and a clock frozen at {@link #NOW} for the rules about expiry and recorded use (those tests are
 * skipped for a backend whose test supplies no controllable clock).
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class ServiceUserSuite extends GovernanceSuite {
  /**
   * Where the expiry tests stop the clock: to the microsecond, so that an expiry equal to it is
   * exactly the boundary, and long past, so that nothing another test made expires near it.
   */
  protected static final Instant NOW = Instant.parse("2001-02-03T04:05:06.123456Z");

  /** The store's precision: the smallest step past a boundary. */
  protected static final Duration ONE_MICRO = Duration.ofNanos(1_000);

  /** A tenant of the test's own. */
  protected TenantId tenant;

  @BeforeEach
  void createTheTenant() {
    tenant = newTenant();
  }

  @AfterEach
  void resumeTheClock() {
    fixture().clock().ifPresent(TckClock::resume);
  }

  /** The store's clock stopped at {@link #NOW}; skips the test if the backend gives none. */
  protected TckClock freezeClockAtNow() {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    TckClock clock = fixture().clock().get();
    clock.freezeAt(NOW);
    return clock;
  }

  /** A digest of a fresh random key. */
  protected static ApiKeyHash freshKeyHash() {
    return ApiKeyHash.sha256Of(randomSecret());
  }

  /** A never-expiring {@code TENANT_USER} named {@code name} with digest {@code hash}. */
  protected static NewServiceUser named(String name, ApiKeyHash hash) {
    return NewServiceUser.of(name, RoleKind.TENANT_USER, hash);
  }

  /** Creates {@code serviceUser} in {@code tenant}. */
  protected ServiceUser create(TenantId tenant, NewServiceUser serviceUser) {
    return await(store().serviceUsers().create(tenant, serviceUser));
  }

  /** The service user as its tenant reads it now; it must exist. */
  protected ServiceUser reread(ServiceUser serviceUser) {
    return await(store().serviceUsers().get(serviceUser.tenant(), serviceUser.id())).orElseThrow();
  }

  /** What the key lookup finds for {@code hash}. */
  protected Optional<ServiceUser> findByKey(ApiKeyHash hash) {
    return await(store().serviceUsers().findByApiKeyHash(hash));
  }

  /** Every service user of {@code tenant}, in list order. */
  protected List<ServiceUser> list(TenantId tenant) {
    return PagedReads.all(page -> store().serviceUsers().list(tenant, page));
  }
}
