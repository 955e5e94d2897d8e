/**
 * The rules of versioning that span every method (DESIGN §2.7 with §2.2, §2.3 and §2.8): a commit
 * for every change, tenant isolation, input rules, missing things and time of the {@code
 * commits()}, {@code branches()} and {@code tags()} facets and of the asset changes that write
 * commits. The behaviour of merges, branches, tags and ancestry paging is specified by their own
 * suites.
 */
package dev.catalogstore.tck.versioning;
