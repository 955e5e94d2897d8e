/**
 * The TCK suites of the {@code assets()} facet ({@link dev.catalogstore.api.asset.Assets}): its
 * behaviour contracts, one per rule family, and its slices of the rules that span every area
 * (isolation, input rules, paging, time, cascades, where the area has them). Each suite is run by
 * one nested class of {@link dev.catalogstore.tck.CatalogStoreTck}. {@code
 * MetadataPointerContract}, {@code MetadataHistoryContract} and {@code
 * MetadataPointerRacesContract} hold the rules of the metadata pointer and its history.
 */
package dev.catalogstore.tck.asset;
