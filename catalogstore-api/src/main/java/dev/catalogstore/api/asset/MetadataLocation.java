package dev.catalogstore.api.asset;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of an asset's metadata history: a location that was committed.
 *
 * @param sequence the entry's position in the asset's history: 1 for the first, then one more for
 *     each commit; maintenance ({@code maintenance().expireSnapshots}, {@code removeOrphanFiles})
 *     removes entries and the rest keep their numbers, so a pruned history has gaps
 * @param location the committed location
 * @param previousLocation the location it replaced; empty for the first
 * @param committedAt when it was committed
 */
public record MetadataLocation(
    long sequence, String location, Optional<String> previousLocation, Instant committedAt) {}
