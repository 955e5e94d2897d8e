/**
 * The in-memory {@link dev.catalogstore.api.CatalogStore}: {@link
 * dev.catalogstore.memory.InMemoryCatalogStore}, the embedded default.
 *
 * <p>How the package is laid out: {@code InMemoryCatalogStore} validates nothing itself and hands
 * each call to the class of its area ({@code MemoryTenants}, {@code MemoryWarehouses}, {@code
 * MemoryCatalogs}, {@code MemoryNamespaces}, {@code MemoryAssets}), which validates the input,
 * then reads or changes the data under the tenant's lock through the {@code TenantRegistry}. The
 * data of a tenant is a {@code TenantState} (warehouses, catalogs, asset id index), a catalog is a
 * {@code CatalogState} (a {@code NamespaceTree} and its {@code BranchState}s), and an asset is an
 * {@code AssetEntry} (its value and metadata history). {@code Listing} pages any sorted index with
 * the shared page-token codec, and {@code Futures} turns every outcome into a completed future.
 */
package dev.catalogstore.memory;
