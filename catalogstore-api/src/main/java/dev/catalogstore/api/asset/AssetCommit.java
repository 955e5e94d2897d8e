package dev.catalogstore.api.asset;

/**
 * One asset's part of a multi-asset commit: the asset and its compare-and-set.
 *
 * @param asset the asset's coordinates; every part of one multi-asset commit is on the same catalog
 *     and branch
 * @param commit the compare-and-set to apply to it
 */
public record AssetCommit(AssetRef asset, MetadataCommit commit) {}
