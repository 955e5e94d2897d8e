package dev.catalogstore.api.spi;

import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.CommitId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which recorded metadata locations maintenance may forget (DESIGN §2.9), written once for every
 * backend: a backend gathers the history entries in question and the locations referenced from
 * outside them, and this decides.
 *
 * <p>A location is referenced while a branch head or a tagged commit holds it as an asset's
 * metadata location ({@link #referencedBy}, {@link #taggedLocations}), or while an entry that is
 * kept holds it. An entry is a candidate when it was committed strictly before the cutoff; a
 * candidate is pruned unless its location is referenced. So the current location, a location a tag
 * reaches, and a location also committed recently are never returned for deletion.
 */
public final class HistoryPruning {
  private HistoryPruning() {}

  /**
   * The entries of {@code entries} to prune, in the order given.
   *
   * @param entries the history entries in question (one asset's on one branch, or an address's on
   *     every branch)
   * @param committedAt an entry's commit time
   * @param location an entry's location
   * @param cutoff entries committed strictly before it are candidates
   * @param referenced the locations referenced from outside {@code entries}
   */
  public static <E> List<E> prunable(
      Collection<E> entries,
      Function<E, Instant> committedAt,
      Function<E, String> location,
      Instant cutoff,
      Set<String> referenced) {
    Set<String> kept = new HashSet<>(referenced);
    for (E entry : entries) {
      if (!committedAt.apply(entry).isBefore(cutoff)) {
        kept.add(location.apply(entry));
      }
    }
    List<E> pruned = new ArrayList<>();
    for (E entry : entries) {
      if (committedAt.apply(entry).isBefore(cutoff) && !kept.contains(location.apply(entry))) {
        pruned.add(entry);
      }
    }
    return pruned;
  }

  /** The metadata locations held by {@code contents} (an asset's content may have none). */
  public static Set<String> referencedBy(Collection<AssetContent> contents) {
    Set<String> locations = new HashSet<>();
    for (AssetContent content : contents) {
      content.metadataLocation().ifPresent(locations::add);
    }
    return locations;
  }

  /**
   * The metadata locations the assets hold in the content of each of {@code taggedCommits}: the
   * catalog's state at that commit, folded from {@code root} (the catalog's root commit, which
   * holds nothing) up to it along {@code history}. Costs the commits below each tagged commit;
   * maintenance pays it, no hot path does.
   */
  public static Set<String> taggedLocations(
      CommitHistory history, CommitId root, Collection<CommitId> taggedCommits) {
    Set<String> locations = new HashSet<>();
    for (CommitId tagged : new HashSet<>(taggedCommits)) {
      Map<?, Optional<AssetContent>> contents = HistoryPath.contentsAfter(history, root, tagged);
      for (Optional<AssetContent> content : contents.values()) {
        content.flatMap(AssetContent::metadataLocation).ifPresent(locations::add);
      }
    }
    return locations;
  }
}
