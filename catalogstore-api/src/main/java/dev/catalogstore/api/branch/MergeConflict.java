package dev.catalogstore.api.branch;

import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A key that the source and the target of a merge both changed since their merge base, to different
 * contents: both updated it differently, or one deleted it and the other changed it. An empty
 * content means the key does not exist at that point.
 *
 * @param key the asset's key
 * @param base its content at the merge base
 * @param source its content on the source's head
 * @param target its content on the target's head
 */
public record MergeConflict(
    AssetKey key,
    Optional<AssetContent> base,
    Optional<AssetContent> source,
    Optional<AssetContent> target) {
  public MergeConflict {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
  }
}
