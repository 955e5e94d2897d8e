package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;

import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Marks a change with a token in its commit message, so that after a lost reply the branch's own
 * history says whether that very call landed, whatever other writers did to the asset since. Every
 * change the store applies is one commit on the branch, with the message given.
 */
final class ChangeTokens {
  /** What a search of the branch's history found. */
  enum Search {
    /** The call's commit is on the branch: it landed. */
    FOUND,
    /** The history back to before the call was sent holds no such commit: it did not land. */
    ABSENT,
    /** The history could not be read far enough: nothing is proven. */
    UNREADABLE
  }

  /**
   * How much older than the call a commit must be to end the search. Commit times come from the
   * clocks of the stores that wrote them, which may be other nodes': the margin absorbs their skew.
   */
  static final Duration CLOCK_MARGIN = Duration.ofMinutes(10);

  /** The most commits read before giving up as {@link Search#UNREADABLE}. */
  static final int SEARCH_DEPTH = 10 * PageRequest.MAX_LIMIT;

  private final CatalogScope scope;

  ChangeTokens(CatalogScope scope) {
    this.scope = scope;
  }

  /** A message saying what the change is, carrying a token no other change has. */
  static CommitMeta meta(String description, String token) {
    return CommitMeta.message("iceberg: " + description + " [" + token + "]");
  }

  static String newToken() {
    return UUID.randomUUID().toString();
  }

  /**
   * Searches the branch's history, newest first, for the commit carrying {@code token} of a call
   * first sent {@code sinceSent} ago. Only a fast-forward of this branch onto another one that
   * merged it, within the call's retries, could hide the commit from this first-parent search.
   */
  Search search(String token, Duration sinceSent) {
    String marker = "[" + token + "]";
    Instant before = null; // the call's time in the store's clock, less the margin
    try {
      PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
      for (int searched = 0; searched < SEARCH_DEPTH; ) {
        PageRequest current = request;
        Page<Commit> page =
            await(
                () ->
                    scope
                        .store()
                        .commits()
                        .ancestry(scope.tenant(), CommitRef.head(scope.branch()), current));
        for (Commit commit : page.items()) {
          if (before == null) {
            // The head was written at most now: the call, if it landed, no earlier than this.
            before = commit.createdAt().minus(sinceSent).minus(CLOCK_MARGIN);
          }
          if (commit.meta().message().filter(message -> message.endsWith(marker)).isPresent()) {
            return Search.FOUND;
          }
          if (commit.createdAt().isBefore(before)) {
            return Search.ABSENT; // older than anything the call can have written
          }
        }
        searched += page.items().size();
        Optional<PageRequest> next = page.nextPage(PageRequest.MAX_LIMIT);
        if (next.isEmpty()) {
          return Search.ABSENT; // the whole history
        }
        request = next.get();
      }
      return Search.UNREADABLE;
    } catch (RuntimeException e) {
      return Search.UNREADABLE; // whatever went wrong, nothing was proven
    }
  }
}
