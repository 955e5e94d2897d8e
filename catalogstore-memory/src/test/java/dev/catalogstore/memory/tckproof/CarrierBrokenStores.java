package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;

import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.audit.NewAuditEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broken stores whose defect is in reading a caller's map that arrives inside a request value
 * rather than as a parameter of its own.
 */
final class CarrierBrokenStores {
  private CarrierBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(copyingAnEventsDetailsOutsideTheFuture());
  }

  /**
   * An audit event's details (which {@link NewAuditEvent}'s builder does not copy) copied on the
   * caller's thread before the future is built, outside the store's error handling: details that
   * throw while read escape as a synchronous exception.
   */
  static BrokenStore copyingAnEventsDetailsOutsideTheFuture() {
    return new BrokenStore(
        "copies-event-details-outside-the-future",
        "audit.append copies the event's details before building its future",
        facets ->
            facets.withAuditLog(
                Intercept.facet(AuditLog.class, facets.audit())
                    .replace(
                        "append",
                        2,
                        call -> {
                          NewAuditEvent event = call.arg(1, NewAuditEvent.class);
                          if (event != null && event.details() != null) {
                            Map<String, String> copy = new LinkedHashMap<>(event.details());
                            copy.size();
                          }
                          return call.proceed();
                        })
                    .build()),
        List.of(test("Futures", "noMethodThrowsOnARequestHoldingContentThatFailsWhileRead")));
  }
}
