package dev.catalogstore.iceberg;

import dev.catalogstore.api.error.UnavailableException;
import java.time.Duration;
import org.apache.iceberg.exceptions.CommitStateUnknownException;

/**
 * The attempts of one change sent to the store: how many are left, the pause before each retry, and
 * whether a reply was lost on the way (after which a refusal may hide the change's success).
 *
 * <pre>{@code
 * Attempts attempts = new Attempts(retries);
 * while (attempts.next()) {
 *   try { send(); return; } catch (UnavailableException e) { attempts.lost(e); }
 * }
 * }</pre>
 */
final class Attempts {
  private final UnavailableRetries retries;
  private final long firstSentNanos = System.nanoTime();
  private int made;
  private UnavailableException lastOutage;

  Attempts(UnavailableRetries retries) {
    this.retries = retries;
  }

  /** Whether another attempt may be made; pauses before each retry. */
  boolean next() {
    if (made > retries.count()) {
      return false;
    }
    if (made > 0) {
      retries.pause(made);
    }
    made++;
    return true;
  }

  /** Records that an attempt found the store unavailable: its write may have landed. */
  void lost(UnavailableException e) {
    lastOutage = e;
  }

  /** Whether an earlier attempt's reply was lost. */
  boolean afterLostReply() {
    return lastOutage != null;
  }

  /** The last outage met; null if none. */
  UnavailableException lastOutage() {
    return lastOutage;
  }

  /** How long ago the first attempt was sent: the search of the history goes back to it. */
  Duration sinceFirstSent() {
    return Duration.ofNanos(System.nanoTime() - firstSentNanos);
  }

  /** How often, and after how long, a call refused as unavailable is sent again. */
  record UnavailableRetries(int count, long firstPauseMillis) {
    /** Doubles the pause with every attempt. */
    void pause(int attempt) {
      long millis = firstPauseMillis << Math.min(attempt - 1, 10);
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommitStateUnknownException(e);
      }
    }
  }
}
