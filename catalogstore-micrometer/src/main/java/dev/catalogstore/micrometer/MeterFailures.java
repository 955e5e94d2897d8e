package dev.catalogstore.micrometer;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a failure to record a call goes: to the log, never to the call. The first is a warning, as
 * it usually means a misconfigured registry; later ones are logged at debug level, so a registry
 * that keeps failing does not flood the log.
 */
final class MeterFailures {
  private static final System.Logger LOG = System.getLogger(CatalogStoreMetrics.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private MeterFailures() {}

  static void report(Throwable failure) {
    try {
      if (WARNED.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "A CatalogStore call could not be recorded in the meter registry; the call itself was"
                + " not affected. Later failures are logged at debug level.",
            failure);
      } else {
        LOG.log(Level.DEBUG, "A CatalogStore call could not be recorded", failure);
      }
    } catch (RuntimeException logFailure) {
      // Logging is best effort too: nothing a meter does may fail a call.
    }
  }
}
