/**
 * The TCK suites of versioning: the {@code commits()}, {@code branches()} and {@code tags()} facets
 * ({@link dev.catalogstore.api.commit.Commits}, {@link dev.catalogstore.api.branch.Branches},
 * {@link dev.catalogstore.api.tag.Tags}). The merge matrix of DESIGN §2.7 states each rule as its
 * own test, split by rule family: outcomes without conflicts ({@code MergeOutcomeContract}),
 * conflicts ({@code MergeConflictContract}), strategies, what a merge returns and records, partial
 * branches, histories that already hold merges (syncs, criss-cross), dry runs, refused merges and a
 * commit racing a merge. The history itself has {@code CommitHistoryContract} (the root commit, a
 * commit per change), {@code AncestryContract} and {@code CommitOperationsContract}; branches and
 * tags have {@code BranchCreateContract}, {@code BranchLifecycleContract} and {@code TagContract}.
 * The rules that span every method have their own suites: a commit for every change ({@code
 * CommitPerChangeContract}, {@code CommitPerChangeRacesContract}), tenant isolation of every new
 * method ({@code CommitIsolationContract}, {@code BranchIsolationContract}, {@code
 * TagIsolationContract}, {@code CommitMetaIsolationContract}), input rules, failed calls, paging
 * and time. Each suite is run by one nested class of {@link dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.version;
