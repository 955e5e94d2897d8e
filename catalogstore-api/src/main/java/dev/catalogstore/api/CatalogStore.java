package dev.catalogstore.api;

import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.branch.Branches;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.commit.Commits;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.maintenance.Maintenance;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.permission.Permissions;
import dev.catalogstore.api.role.Roles;
import dev.catalogstore.api.serviceuser.ServiceUsers;
import dev.catalogstore.api.settings.Settings;
import dev.catalogstore.api.tag.Tags;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.api.token.Tokens;
import dev.catalogstore.api.user.Users;
import dev.catalogstore.api.warehouse.Warehouses;

/**
 * The storage contract of a multi-tenant lakehouse catalog.
 *
 * <p>A store is a small root with one accessor per area (a facet); the facet holds that area's
 * operations under short verbs:
 *
 * <pre>{@code
 * Tenant acme = store.tenants().create(NewTenant.named("acme")).join();
 * store.namespaces().create(acme.id(), NamespaceRef.of("sales", "raw"), Map.of()).join();
 * store.assets().commitMetadataLocation(acme.id(), table, MetadataCommit.replacing(v1, v2)).join();
 * }</pre>
 *
 * <p>Each accessor returns the same facet instance every time and never fails. A decorator
 * (metrics, tracing, access checks) wraps only the facets it changes; see {@link
 * dev.catalogstore.api.spi.ComposedCatalogStore#decorate}.
 *
 * <h2>Rules every method keeps</h2>
 *
 * <ul>
 *   <li><b>Asynchronous.</b> Every method returns a {@code CompletableFuture} and never throws:
 *       failures, including bad input, complete the future exceptionally with a {@link
 *       dev.catalogstore.api.error.CatalogStoreException} subclass. A read of one thing returns
 *       {@code Optional}; absence is never an exception on a get. Callers may chain store calls
 *       inside {@code thenCompose} without deadlock.
 *   <li><b>Tenant first.</b> Every method touching tenant data takes the {@code TenantId} first.
 *       Nothing of one tenant is observable or changeable through another: an id, a name or a page
 *       token of tenant A used under tenant B behaves exactly as if it did not exist.
 *   <li><b>Missing things.</b> A write or a list under a tenant, catalog, branch or namespace that
 *       does not exist fails with {@link dev.catalogstore.api.error.NotFoundException}; a get of
 *       one thing returns empty. Validation comes first: bad input is reported even when the tenant
 *       does not exist.
 *   <li><b>Validated.</b> Bad input fails with {@link
 *       dev.catalogstore.api.error.InvalidArgumentException} naming the field, before anything is
 *       written; a failed call changes nothing.
 *   <li><b>Atomic.</b> Each method is all-or-nothing, cascades included.
 *   <li><b>Bounded.</b> A stored property map never holds more than {@link
 *       dev.catalogstore.api.spi.StoredProperties#MAX_ENTRIES} entries, nor more than {@link
 *       dev.catalogstore.api.spi.StoredProperties#MAX_TOTAL_BYTES} bytes of keys and values (their
 *       UTF-8 encoded lengths together), after any sequence of updates and commits: a change that
 *       would leave more fails with {@code InvalidArgumentException} and changes nothing. The field
 *       named is the property update of the call: {@code update.properties} for tenants, warehouses
 *       and catalogs, {@code update} for {@code updateProperties}, {@code commit.properties} and
 *       {@code commits[i].commit.properties} for metadata commits.
 *   <li><b>Paged.</b> Lists are keyset-paged in a documented stable order (see {@link
 *       dev.catalogstore.api.paging.PageRequest}).
 *   <li><b>Timestamps</b> come from the store's injected clock, truncated to microseconds.
 *   <li><b>Lost replies.</b> Any write whose reply was lost (an {@link
 *       dev.catalogstore.api.error.UnavailableException}, or a future the caller stopped waiting
 *       for) may have landed; the store never runs it again unless it knows nothing landed. {@link
 *       dev.catalogstore.api.error.UnavailableException} says, per kind of write, how a caller
 *       finds out and retries safely; each facet notes where its writes differ.
 *   <li><b>Secrets</b> live only in the sealed slots, a warehouse's and a federated connector's
 *       {@link dev.catalogstore.api.warehouse.Credentials}: a persistent store seals them at rest
 *       (and refuses them when it cannot), every read returns them opened, and no {@code
 *       toString()}, audit event or error message of the store quotes them. Plain option maps
 *       refuse the well-known secret keys ({@link dev.catalogstore.api.common.SecretOptions}).
 * </ul>
 *
 * <p>Names (of tenants, warehouses, catalogs, namespace segments, assets, branches) are 1 to 255
 * characters, not blank, without control characters; any other character, including {@code .},
 * {@code %}, {@code _}, {@code /}, spaces and non-ASCII letters, is kept exactly.
 */
public interface CatalogStore extends AutoCloseable {
  /** Tenants: create, read, list, rename, delete with everything they own. */
  Tenants tenants();

  /** Warehouses: storage locations and their credentials, per tenant. */
  Warehouses warehouses();

  /** Catalogs: local on a warehouse, or federated; created with their branch {@code main}. */
  Catalogs catalogs();

  /** Hierarchical namespaces of a catalog and their properties. */
  Namespaces namespaces();

  /** Tables, views, files and models on a branch, and their metadata pointer and history. */
  Assets assets();

  /** A catalog's history: commits, their ancestry and their operations. */
  Commits commits();

  /** Branches of a catalog, created from any commit, and three-way merges between them. */
  Branches branches();

  /** Tags: fixed names for commits of a catalog. */
  Tags tags();

  /** Users of a tenant (root users in the system tenant), found by id or username. */
  Users users();

  /** Roles: named sets of grants, and their assignment to users. */
  Roles roles();

  /** Direct permissions of users, and the effective grants of a user. */
  Permissions permissions();

  /** Service users: programs authenticating by the digest of an API key. */
  ServiceUsers serviceUsers();

  /** Tokens' metadata and digests, validation by digest, revocations and their cleanup. */
  Tokens tokens();

  /**
   * The audit log: append-only events of who did what, filtered, counted and paged newest first;
   * kept after their tenant is deleted.
   */
  AuditLog audit();

  /** Per-tenant system settings, with documented defaults. */
  Settings settings();

  /** Table maintenance: expiring an asset's metadata history, forgetting orphaned locations. */
  Maintenance maintenance();

  /** Federated catalogs: syncing a mirror through a connector, and the last sync's stats. */
  Federation federation();

  /** Releases what the store owns (connection pools, executors). Idempotent. */
  @Override
  void close();
}
