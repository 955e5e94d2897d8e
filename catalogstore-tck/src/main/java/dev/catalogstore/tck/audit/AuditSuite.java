package dev.catalogstore.tck.audit;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.TckSuite;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The base of the audit suites: events built as a catalog service records them, whole reads of a
 * tenant's log, and a clock frozen on demand (those tests are skipped for a backend whose test
 * supplies no controllable clock).
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class AuditSuite extends TckSuite {
  /** A user who acts in the tests' events. */
  protected static final AuditActor ALICE = AuditActor.user("alice");

  /** A service user whose id equals {@link #ALICE}'s: a different actor all the same. */
  protected static final AuditActor ALICE_SERVICE = AuditActor.serviceUser("alice");

  /** Another user. */
  protected static final AuditActor BOB = AuditActor.user("bob");

  /** An instant with nanoseconds, long past, where the time tests stop the clock. */
  protected static final Instant T0 = Instant.parse("2011-02-03T04:05:06.123456789Z");

  /** {@link #T0} cut to microseconds. */
  protected static final Instant T0_MICROS = Instant.parse("2011-02-03T04:05:06.123456Z");

  private TckClock frozen;

  @AfterEach
  void resumeTheClock() {
    if (frozen != null) {
      frozen.resume();
    }
  }

  /** The store's clock stopped at {@code at}; skips the test if the backend gives none. */
  protected TckClock freezeClockAt(Instant at) {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    frozen = fixture().clock().get();
    frozen.freezeAt(at);
    return frozen;
  }

  /** A builder of an event of {@code actor} doing {@code action} to an asset, successfully. */
  protected static NewAuditEvent.Builder event(AuditActor actor, String action) {
    return NewAuditEvent.builder(actor, action, "asset", AuditResult.SUCCESS);
  }

  /** Appends {@code event} to {@code tenant}'s log. */
  protected AuditEvent append(TenantId tenant, NewAuditEvent event) {
    return await(store().audit().append(tenant, event));
  }

  /** Appends {@code count} events of {@link #ALICE} doing {@code action}; returns them. */
  protected List<AuditEvent> appendMany(TenantId tenant, String action, int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> append(tenant, event(ALICE, action).resourceId("r" + i).build()))
        .toList();
  }

  /** Every event of {@code tenant} matching {@code filter}, in list order. */
  protected List<AuditEvent> list(TenantId tenant, AuditFilter filter) {
    return PagedReads.all(page -> store().audit().list(tenant, filter, page));
  }

  /** How many events of {@code tenant} match {@code filter}. */
  protected long count(TenantId tenant, AuditFilter filter) {
    return await(store().audit().count(tenant, filter));
  }
}
