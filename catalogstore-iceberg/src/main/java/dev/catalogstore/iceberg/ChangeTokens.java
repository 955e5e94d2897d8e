package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;

import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * Marks a change with a token in its commit message, so that after a lost reply the branch's own
 * history says whether that very call landed, whatever other writers did to the asset since. Every
 * change the store applies is one commit on the branch, with the message given.
 */
final class ChangeTokens {
  /** Commits searched back from the head; a change is settled within seconds of being sent. */
  static final int SEARCH_DEPTH = 2 * PageRequest.MAX_LIMIT;

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
   * Whether a commit carrying {@code token} is among the branch's latest {@link #SEARCH_DEPTH}
   * commits. False means not found there; a store that cannot answer fails with its exception.
   */
  boolean landed(String token) {
    String marker = "[" + token + "]";
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
        if (commit.meta().message().filter(message -> message.endsWith(marker)).isPresent()) {
          return true;
        }
      }
      searched += page.items().size();
      Optional<PageRequest> next = page.nextPage(PageRequest.MAX_LIMIT);
      if (next.isEmpty()) {
        return false;
      }
      request = next.get();
    }
    return false;
  }
}
