/**
 * What every backend shares and no backend re-derives: the building blocks of a store rather than
 * its contract.
 *
 * <ul>
 *   <li>{@link dev.catalogstore.api.spi.Inputs} and {@link dev.catalogstore.api.spi.Requests}:
 *       validation of every request, with the field names {@code InvalidArgumentException} reports,
 *       so all backends accept and reject exactly the same inputs;
 *   <li>{@link dev.catalogstore.api.spi.PageTokens}: the versioned, tenant- and query-bound page
 *       token codec; {@link dev.catalogstore.api.spi.CodePointOrder}: the one order every list
 *       uses, equal to UTF-8 byte order and PostgreSQL's {@code COLLATE "C"};
 *   <li>{@link dev.catalogstore.api.spi.ListQuery}: each list's identity (name and arguments, to
 *       which its page tokens are bound) and the keyset cursor a backend reads a page from;
 *   <li>{@link dev.catalogstore.api.spi.StoredProperties}: the limits a stored property map keeps
 *       after any sequence of updates, and the fields its failures name;
 *   <li>{@link dev.catalogstore.api.spi.Conflicts}: the compare-and-set rules of the assets area (a
 *       single or multi-asset metadata commit, a guarded change) and their conflicts; {@link
 *       dev.catalogstore.api.spi.Missing} and {@link dev.catalogstore.api.spi.Taken}: the wording
 *       and typed field of every {@code NotFoundException} and {@code AlreadyExistsException};
 *   <li>{@link dev.catalogstore.api.spi.Timestamps}: the clock's instant at the precision every
 *       backend keeps;
 *   <li>{@link dev.catalogstore.api.spi.StoreFacets} and {@link
 *       dev.catalogstore.api.spi.ComposedCatalogStore}: assembling a store from one class per
 *       facet, and decorating one facet without forwarding the rest;
 *   <li>{@link dev.catalogstore.api.spi.MergeBase} over a backend's {@link
 *       dev.catalogstore.api.spi.CommitGraph}, {@link dev.catalogstore.api.spi.NetChanges} and
 *       {@link dev.catalogstore.api.spi.MergePlanner}: the three-way merge, from the merge base to
 *       the {@link dev.catalogstore.api.spi.MergePlan} a backend applies;
 *   <li>{@link dev.catalogstore.api.spi.PermissionResolver}: permission resolution, whether the
 *       grants listed for a user allow an action on a resource (tenant first, then the scope
 *       hierarchy and {@code ALL}), and the actions they hold there;
 *   <li>{@link dev.catalogstore.api.spi.AuditFilters}: the audit log's filter (validation and
 *       matching), its newest-first order and the keyset position its pages resume after, with
 *       {@link dev.catalogstore.api.spi.ListQuery#auditEvents} binding tokens to the filter.
 * </ul>
 *
 * <p>The last three serve areas whose facets are still to come (versioning, identity and access,
 * the audit log): each is the backend-neutral core those facets will call on both backends.
 */
package dev.catalogstore.api.spi;
