package dev.catalogstore.api.spi;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The net change per key of one side of a merge: what its commits since the merge base did, taken
 * together. A key's net change goes from the content before its first change to the content after
 * its last; a key changed and then changed back (including one created and then deleted) is no
 * change at all, so a merge neither applies it nor reports it as a conflict.
 */
public final class NetChanges {
  private NetChanges() {}

  /**
   * Folds {@code changes}, one side's operations since the merge base in the order they were made
   * (oldest commit first, each commit's operations in their order), into the net change of every
   * key that ended up different from how it started. Each change must start where the previous
   * change of the same key ended, which holds for any chain of commits from the base to the head
   * (for a merge commit on that chain: its operations relative to the parent on the chain). Costs
   * one pass over {@code changes}.
   *
   * @return the net changes by key, in no particular order; unmodifiable
   * @throws InternalStoreException if a change of a key does not start from the content the
   *     previous change of that key left: the store's history is broken
   */
  public static Map<AssetKey, AssetChange> fold(Iterable<AssetChange> changes) {
    return fold(changes, true);
  }

  /**
   * Folds {@code changes} like {@link #fold(Iterable)}, but a change that does not start where the
   * previous change of its key ended overwrites it: the net change goes from the content before the
   * first change to the content after the last. For histories that pass through a partial branch,
   * which records a create over a key it never copied as a create, although the commit it started
   * from holds that key: the partial branch's content replaced it.
   */
  public static Map<AssetKey, AssetChange> foldOverwriting(Iterable<AssetChange> changes) {
    return fold(changes, false);
  }

  private static Map<AssetKey, AssetChange> fold(
      Iterable<AssetChange> changes, boolean requireContinuity) {
    Map<AssetKey, Span> spans = new HashMap<>();
    for (AssetChange change : changes) {
      Objects.requireNonNull(change, "change");
      Span previous = spans.get(change.key());
      if (previous == null) {
        spans.put(change.key(), new Span(change.before(), change.after()));
      } else {
        if (requireContinuity) {
          checkContinues(change, previous);
        }
        spans.put(change.key(), new Span(previous.first(), change.after()));
      }
    }
    Map<AssetKey, AssetChange> net = new HashMap<>();
    spans.forEach(
        (key, span) -> {
          if (!span.first().equals(span.last())) {
            net.put(key, new AssetChange(key, span.first(), span.last()));
          }
        });
    return Collections.unmodifiableMap(net);
  }

  private static void checkContinues(AssetChange next, Span previous) {
    if (!previous.last().equals(next.before())) {
      throw new InternalStoreException(
          "broken history of "
              + next.key()
              + ": a change starts from "
              + describe(next.before())
              + " but the change before it left "
              + describe(previous.last()),
          null);
    }
  }

  private static String describe(Optional<AssetContent> content) {
    return content.map(AssetContent::toString).orElse("no asset");
  }

  /**
   * A key's content before its first change and after its last. Not an {@link AssetChange} while
   * folding, because a key created and then deleted has neither, which no change may have.
   */
  private record Span(Optional<AssetContent> first, Optional<AssetContent> last) {}
}
