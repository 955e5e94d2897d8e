package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The compare-and-set rules of the assets area and the {@link ConflictException}s they fail with,
 * decided and worded once: a backend reads (and, where it must, locks) what is stored and hands it
 * here.
 */
public final class Conflicts {
  private Conflicts() {}

  /**
   * Fails with {@link ConflictException}, carrying {@code current}, unless {@code current} is the
   * metadata location {@code expected} of a single-asset commit (empty: none yet).
   */
  public static void requireMetadataLocation(
      AssetRef asset, Optional<String> expected, Optional<String> current) {
    if (!current.equals(expected)) {
      throw new ConflictException(
          "the metadata location of asset "
              + asset
              + " is "
              + describe(current)
              + ", not "
              + describe(expected)
              + " as expected",
          current.orElse(null));
    }
  }

  /**
   * Fails with {@link AssetsConflictException} listing every stale part, in request order, unless
   * the metadata location stored for each {@code commits[i]} ({@code stored.apply(i)}) is the one
   * it expects. Nothing may have been written before this is called.
   */
  public static void requireMetadataLocations(
      List<AssetCommit> commits, IntFunction<Optional<String>> stored) {
    List<StaleAsset> stale = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      AssetCommit part = commits.get(i);
      Optional<String> current = stored.apply(i);
      if (!current.equals(part.commit().expected())) {
        stale.add(new StaleAsset(part.asset(), part.commit().expected(), current));
      }
    }
    if (!stale.isEmpty()) {
      throw new AssetsConflictException(
          stale.size()
              + " of "
              + commits.size()
              + " assets do not have the expected metadata location, so none was committed: "
              + stale.stream().map(s -> s.asset().toString()).toList(),
          stale);
    }
  }

  /**
   * Fails with {@link ConflictException}, carrying the stored value of the first attribute that
   * differs ({@link AssetExpectation#mismatch}), unless the asset {@code current} at {@code at}
   * meets {@code expected}.
   */
  public static void requireExpected(AssetRef at, AssetExpectation expected, Asset current) {
    Optional<AssetExpectation.Mismatch> mismatch =
        expected.mismatch(current.id(), current.kind(), current.metadataLocation());
    if (mismatch.isPresent()) {
      String value = mismatch.get().currentValue();
      throw new ConflictException(
          "asset "
              + at
              + " is not the one expected: its "
              + mismatch.get().attribute()
              + " is "
              + (value == null ? "unset" : "'" + value + "'"),
          value);
    }
  }

  /**
   * The value a conflict of a guarded change carries when the asset last read as {@code current}
   * met {@code expected}: the value of the first attribute {@code expected} checks, in the order of
   * {@link AssetExpectation#mismatch} (id, kind, metadata location); the metadata location when it
   * checks none. Empty for an absent metadata location.
   */
  public static Optional<String> guardedValue(AssetExpectation expected, Asset current) {
    if (expected.id().isPresent()) {
      return Optional.of(current.id().toString());
    }
    if (expected.kind().isPresent()) {
      return Optional.of(current.kind().name());
    }
    return current.metadataLocation();
  }

  /**
   * The conflict of a conditional change that a backend gave up retrying because the asset kept
   * changing between its attempts and its reads (A-B-A). Carries {@code lastValue}, the value read
   * last (empty if none), as any conflict carries the value stored now.
   */
  public static ConflictException keptChanging(
      String operation, AssetRef asset, Optional<String> lastValue) {
    return new ConflictException(
        operation
            + " failed: asset "
            + asset
            + " kept changing while the store decided (last read: "
            + lastValue.map(v -> "'" + v + "'").orElse("unset")
            + "); read it again and retry",
        lastValue.orElse(null));
  }

  private static String describe(Optional<String> location) {
    return location.map(l -> "'" + l + "'").orElse("unset");
  }
}
