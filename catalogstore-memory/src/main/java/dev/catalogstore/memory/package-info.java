/**
 * The in-memory {@link dev.catalogstore.api.CatalogStore}: {@link
 * dev.catalogstore.memory.InMemoryCatalogStore}, the embedded default.
 *
 * <p>How the package is laid out: {@code InMemoryCatalogStore} only assembles one class per facet
 * ({@code MemoryTenants}, {@code MemoryWarehouses}, {@code MemoryCatalogs}, {@code
 * MemoryNamespaces}, {@code MemoryAssets}, {@code MemoryCommits}, {@code MemoryBranches}, {@code
 * MemoryTags}); each validates the input through the shared {@code Requests} and {@code
 * VersionRequests}, then reads or changes the data under the tenant's lock through the {@code
 * TenantRegistry} (a change confined to one branch under the tenant's read lock and that branch's
 * lock, a single-asset read optimistically through {@code AssetReads}; see {@code TenantState}).
 * The data of a tenant is a {@code TenantState} (warehouses, catalogs, asset id index), a catalog
 * is a {@code CatalogState} (a {@code NamespaceTree}, a {@code CommitLog} of {@code StoredCommit}s,
 * its tags and its {@code BranchState}s), a branch keeps its head and the assets of each namespace
 * in a {@code NamespaceAssets} (by name, and by kind and name), and an asset is an {@code
 * AssetEntry} (its value and metadata history), changed by commits through {@code MetadataCommits}
 * or, for branch copies and merges, through {@code AssetWrites}. Every asset change appends its
 * commit through {@code CatalogState.commitOnto}; {@code CommitRefs} resolves a branch, tag or
 * commit id to a commit; {@code BranchCopier} materialises a new branch's assets and {@code
 * MergeApplier} applies a merge decided by the shared {@code spi.Merges}. {@code MemoryAuditLog}
 * keeps every tenant's events in the store-wide {@code AuditEvents} (one {@code TenantAuditLog} of
 * {@code AuditIndex}es per tenant), {@code MemorySettings} the settings in the {@code TenantState},
 * {@code MemoryMaintenance} prunes histories, and {@code MemoryFederation} reads a remote off the
 * caller's thread and mirrors it through {@code MirrorWrites}. {@code SortedReads} reads a page
 * from a sorted index, the shared {@code spi.ListQuery} turns it into a page with its token, and
 * {@code Futures} turns every outcome into a completed future.
 */
package dev.catalogstore.memory;
