package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.proceeding;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.Branches;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.commit.Commits;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tag.Tags;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Broken stores whose defect lives in versioning: merges that revert the target, drop a conflict or
 * apply half their changes, tags on commits the catalog does not have, changes without (or with too
 * many, or misplaced) commits, histories that skip commits, {@code main} deleted, commits and tags
 * of one tenant reached from another, and versioning inputs checked in the wrong order.
 *
 * <p>Each simulates a backend's mistake over the honest in-memory facets, which complete their
 * futures at once, so a simulation may join them. What the honest store cannot hold (a tag on a
 * foreign commit, a deleted {@code main}, a change without its commit) is kept on the side and
 * served by the broken store's reads.
 */
@SuppressWarnings("unchecked") // the facet methods' futures, as Intercept hands them over
final class VersionBrokenStores {
  private VersionBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        mergeRevertingTheTarget(),
        mergeDroppingAConflict(),
        mergeApplyingHalfThenFailing(),
        tagOnAnotherCatalogsCommit(),
        tagOnAnotherTenantsCommit(),
        propertyUpdateWithoutACommit(),
        multiAssetCommitOfOneCommitPerAsset(),
        parentFromMainForEveryBranch(),
        mergeCommitParentsSwapped(),
        ancestrySkippingACommitAtEachPage(),
        mainDeletable(),
        catalogDeletionKeepingItsTags(),
        tagsPagedInUtf16Order(),
        commitIdsOfEveryTenant(),
        operationsInReverseKeyOrder(),
        messagesCutTo255Characters(),
        branchStampedWithItsHeadsTime(),
        createCheckingTheMetaFirst(),
        mergeLookingUpBeforeValidating(),
        ancestryOfAMissingTagSayingCommit());
  }

  // ---------------------------------------------------------------------------------------------
  // merges

  /**
   * A merge that, after the honest three-way merge, makes the target equal to the source: the
   * target's own changes since the base are reverted, as a backend that copies the source's state
   * instead of applying the source's changes does.
   */
  static BrokenStore mergeRevertingTheTarget() {
    return new BrokenStore(
        "merge-reverts-the-target",
        "branches.merge installs the source's whole state, reverting the target's own changes",
        facets ->
            facets.withBranches(
                Intercept.facet(Branches.class, facets.branches())
                    .replace(
                        "merge",
                        4,
                        call ->
                            attempt(
                                () -> {
                                  MergeResult result = join(proceeding(call));
                                  if (result.dryRun() || result.outcome() != MergeOutcome.MERGED) {
                                    return completedFuture(result);
                                  }
                                  TenantId tenant = call.arg(0, TenantId.class);
                                  BranchRef source = call.arg(1, BranchRef.class);
                                  BranchRef target = call.arg(2, BranchRef.class);
                                  Map<AssetKey, Asset> from = assetsOf(facets, tenant, source);
                                  Map<AssetKey, Asset> into = assetsOf(facets, tenant, target);
                                  Set<AssetKey> keys = new TreeSet<>(from.keySet());
                                  keys.addAll(into.keySet());
                                  for (AssetKey key : keys) {
                                    Optional<AssetContent> wanted =
                                        Optional.ofNullable(from.get(key)).map(AssetContent::of);
                                    overwrite(facets, tenant, target, key, into.get(key), wanted);
                                  }
                                  return completedFuture(result);
                                }))
                    .build()),
        List.of(
            test("MergeOutcome", "divergedDisjointChangesAreMergedWithAMergeCommitOfTwoParents"),
            test("MergeStrategy", "aStrategyLeavesChangesMadeOnlyOnTheTarget")));
  }

  /** A merge whose default strategy {@code FAIL} silently resolves conflicts as source-wins. */
  static BrokenStore mergeDroppingAConflict() {
    return new BrokenStore(
        "merge-drops-a-conflict",
        "branches.merge with strategy FAIL applies the source's side of every conflict",
        facets ->
            facets.withBranches(
                Intercept.facet(Branches.class, facets.branches())
                    .replace(
                        "merge",
                        4,
                        call -> {
                          MergeOptions options = call.arg(3, MergeOptions.class);
                          if (options == null
                              || options.dryRun()
                              || options.strategy() != MergeStrategy.FAIL) {
                            return call.proceed();
                          }
                          return call.proceed(
                              call.arg(0, Object.class),
                              call.arg(1, Object.class),
                              call.arg(2, Object.class),
                              options.withStrategy(MergeStrategy.SOURCE_WINS));
                        })
                    .build()),
        List.of(
            test("MergeConflict", "theSameAssetChangedOnBothSidesIsAConflictAndChangesNothing"),
            test(
                "VersionFailedCalls",
                "aMergeWithAConflictAppliesNoneOfItsChangesNotEvenThoseThatDoNotConflict")));
  }

  /**
   * A merge that applies the source's changes one key after the other, outside one transaction, and
   * stops at the first conflict: the changes applied before it stay.
   */
  static BrokenStore mergeApplyingHalfThenFailing() {
    return new BrokenStore(
        "merge-not-atomic",
        "branches.merge applies the non-conflicting changes, then fails on the conflict",
        facets ->
            facets.withBranches(
                Intercept.facet(Branches.class, facets.branches())
                    .replace(
                        "merge",
                        4,
                        call ->
                            BrokenStoreKit.<MergeResult>proceeding(call)
                                .exceptionallyCompose(
                                    failure -> {
                                      Throwable cause = unwrap(failure);
                                      if (!(cause instanceof MergeConflictException)) {
                                        return failedFuture(cause);
                                      }
                                      TenantId tenant = call.arg(0, TenantId.class);
                                      BranchRef source = call.arg(1, BranchRef.class);
                                      BranchRef target = call.arg(2, BranchRef.class);
                                      MergeResult wouldApply =
                                          join(
                                              facets
                                                  .branches()
                                                  .merge(
                                                      tenant,
                                                      source,
                                                      target,
                                                      MergeOptions.DEFAULT
                                                          .withStrategy(MergeStrategy.TARGET_WINS)
                                                          .asDryRun()));
                                      Map<AssetKey, Asset> into = assetsOf(facets, tenant, target);
                                      for (AssetChange change : wouldApply.applied()) {
                                        overwrite(
                                            facets,
                                            tenant,
                                            target,
                                            change.key(),
                                            into.get(change.key()),
                                            change.after());
                                      }
                                      return failedFuture(cause);
                                    }))
                    .build()),
        List.of(
            test(
                "VersionFailedCalls",
                "aMergeWithAConflictAppliesNoneOfItsChangesNotEvenThoseThatDoNotConflict")));
  }

  /** A merge that writes its merge commit with the source's head as the first parent. */
  static BrokenStore mergeCommitParentsSwapped() {
    return new BrokenStore(
        "merge-commit-parents-swapped",
        "a merge commit names the source's head first and the target's head second",
        facets ->
            facets.withCommits(
                rewritingCommits(
                    facets.commits(),
                    commit ->
                        commit.isMerge()
                            ? new Commit(
                                commit.id(),
                                commit.catalog(),
                                List.of(commit.parents().get(1), commit.parents().get(0)),
                                commit.meta(),
                                commit.createdAt())
                            : commit)),
        List.of(
            test(
                "MergeResult",
                "theMergeCommitHasBothHeadsAsParentsTheOptionsMetaAndTheAppliedChangesAsOperations")));
  }

  /**
   * A merge that looks both branches up before it validates its options: a bad author under a
   * missing tenant or catalog is reported as a missing branch.
   */
  static BrokenStore mergeLookingUpBeforeValidating() {
    return new BrokenStore(
        "merge-looks-up-before-validating",
        "branches.merge reports a missing source before an invalid options.meta",
        facets ->
            facets.withBranches(
                Intercept.facet(Branches.class, facets.branches())
                    .replace(
                        "merge",
                        4,
                        call ->
                            attempt(
                                () -> {
                                  TenantId tenant = call.arg(0, TenantId.class);
                                  BranchRef source = call.arg(1, BranchRef.class);
                                  if (tenant != null
                                      && source != null
                                      && join(facets.branches().get(tenant, source)).isEmpty()) {
                                    return failedFuture(Missing.branch(source));
                                  }
                                  return proceeding(call);
                                }))
                    .build()),
        List.of(test("VersionInputRules", "badInputIsRefusedAsBadWhereWhatItNamesDoesNotExist")));
  }

  // ---------------------------------------------------------------------------------------------
  // tags

  /**
   * A tag creation that finds a commit id in any catalog of the tenant (a lookup by id alone,
   * without the catalog): a tag of {@code lake} may name a commit of {@code other}.
   */
  static BrokenStore tagOnAnotherCatalogsCommit() {
    return new BrokenStore(
        "tag-on-another-catalogs-commit",
        "tags.create accepts a commit id of another catalog of the tenant",
        facets ->
            facets.withTags(
                lenientTags(
                    facets,
                    (tenant, tag, id) -> {
                      for (Catalog catalog :
                          allPages(page -> facets.catalogs().list(tenant, page))) {
                        if (join(facets.commits().get(tenant, catalog.name(), id)).isPresent()) {
                          return true;
                        }
                      }
                      return false;
                    })),
        List.of(
            test("Tags", "aCommitOfAnotherCatalogIsNotFound"),
            test(
                "MissingThings",
                "everyCallOnACommitIdThatIsNoCommitOfTheCatalogIsNotFoundNamingTheCommit")));
  }

  /**
   * A tag creation that finds a commit id in the same-named catalog of any tenant (a lookup without
   * the tenant): a tenant may tag another tenant's commit.
   */
  static BrokenStore tagOnAnotherTenantsCommit() {
    return new BrokenStore(
        "tag-on-another-tenants-commit",
        "tags.create accepts a commit id of another tenant's catalog of the same name",
        facets ->
            facets.withTags(
                lenientTags(
                    facets,
                    (tenant, tag, id) -> {
                      for (Tenant other : allPages(page -> facets.tenants().list(page))) {
                        if (join(facets.commits().get(other.id(), tag.catalog(), id)).isPresent()) {
                          return true;
                        }
                      }
                      return false;
                    })),
        List.of(test("TagIsolation", "createTagNamesTheCallersCommitsOnly")));
  }

  /** Whether a tag creation that the honest store refused finds the commit anyway. */
  @FunctionalInterface
  private interface ForeignCommitLookup {
    boolean finds(TenantId tenant, TagRef tag, CommitId id);
  }

  /**
   * The tags facet of a store that accepts a tag on a commit id the honest store does not find in
   * the tag's catalog, when {@code lookup} finds it elsewhere. The honest store cannot hold such a
   * tag, so it is kept on the side and served by {@code get}, {@code list} and {@code delete}.
   */
  private static Tags lenientTags(StoreFacets facets, ForeignCommitLookup lookup) {
    record Key(TenantId tenant, TagRef tag) {}
    Map<Key, Tag> accepted = new ConcurrentHashMap<>();
    return Intercept.facet(Tags.class, facets.tags())
        .replace(
            "create",
            3,
            call ->
                BrokenStoreKit.<Tag>proceeding(call)
                    .exceptionallyCompose(
                        failure -> {
                          Throwable cause = unwrap(failure);
                          TenantId tenant = call.arg(0, TenantId.class);
                          TagRef tag = call.arg(1, TagRef.class);
                          if (cause instanceof NotFoundException missing
                              && missing.missing() == ObjectType.COMMIT
                              && call.arg(2, CommitRef.class) instanceof CommitRef.ById byId
                              && !accepted.containsKey(new Key(tenant, tag))
                              && lookup.finds(tenant, tag, byId.id())) {
                            Tag created =
                                new Tag(
                                    tag, byId.id(), Instant.now().truncatedTo(ChronoUnit.MICROS));
                            accepted.put(new Key(tenant, tag), created);
                            return completedFuture(created);
                          }
                          return failedFuture(cause);
                        }))
        .replace(
            "get",
            2,
            call -> {
              Tag held =
                  accepted.get(new Key(call.arg(0, TenantId.class), call.arg(1, TagRef.class)));
              return held != null ? completedFuture(Optional.of(held)) : call.proceed();
            })
        .replace(
            "delete",
            2,
            call -> {
              Tag held =
                  accepted.remove(new Key(call.arg(0, TenantId.class), call.arg(1, TagRef.class)));
              return held != null ? completedFuture(null) : call.proceed();
            })
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // a commit for every change

  /**
   * A property update that changes the asset but forgets to write its commit: the branch's head
   * stays and its history has no trace of the change. Simulated by hiding the commit the honest
   * store wrote: reads of the branch, the commit and the history act as if it did not exist.
   */
  static BrokenStore propertyUpdateWithoutACommit() {
    return new BrokenStore(
        "property-update-without-a-commit",
        "assets.updateProperties changes the asset but writes no commit",
        facets -> {
          // A hidden commit, to the parent it was written on.
          Map<CommitId, CommitId> hidden = new ConcurrentHashMap<>();
          UnaryOperator<CommitId> visible =
              id -> {
                CommitId current = id;
                while (hidden.containsKey(current)) {
                  current = hidden.get(current);
                }
                return current;
              };
          Assets assets =
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "updateProperties",
                      4,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                AssetRef asset = call.arg(1, AssetRef.class);
                                Optional<Branch> before =
                                    tenant == null || asset == null
                                        ? Optional.empty()
                                        : join(facets.branches().get(tenant, asset.branch()));
                                Asset updated = join(proceeding(call));
                                Branch after =
                                    join(facets.branches().get(tenant, asset.branch()))
                                        .orElseThrow();
                                hidden.put(after.head(), before.orElseThrow().head());
                                return completedFuture(updated);
                              }))
                  .build();
          Branches branches =
              Intercept.facet(Branches.class, facets.branches())
                  .replace(
                      "get",
                      2,
                      call ->
                          BrokenStoreKit.<Optional<Branch>>proceeding(call)
                              .thenApply(
                                  found -> found.map(b -> withHead(b, visible.apply(b.head())))))
                  .replace(
                      "list",
                      3,
                      call ->
                          BrokenStoreKit.<Page<Branch>>proceeding(call)
                              .thenApply(
                                  page ->
                                      new Page<>(
                                          page.items().stream()
                                              .map(b -> withHead(b, visible.apply(b.head())))
                                              .toList(),
                                          page.nextPageToken())))
                  .build();
          Commits commits =
              Intercept.facet(Commits.class, facets.commits())
                  .replace(
                      "get",
                      3,
                      call ->
                          hidden.containsKey(call.arg(2, CommitId.class))
                              ? completedFuture(Optional.empty())
                              : call.proceed())
                  .replace(
                      "ancestry",
                      3,
                      call ->
                          BrokenStoreKit.<Page<Commit>>proceeding(call)
                              .thenApply(
                                  page ->
                                      new Page<>(
                                          page.items().stream()
                                              .filter(c -> !hidden.containsKey(c.id()))
                                              .map(
                                                  c ->
                                                      new Commit(
                                                          c.id(),
                                                          c.catalog(),
                                                          c.parents().stream()
                                                              .map(visible)
                                                              .toList(),
                                                          c.meta(),
                                                          c.createdAt()))
                                              .toList(),
                                          page.nextPageToken())))
                  .build();
          return facets.withAssets(assets).withBranches(branches).withCommits(commits);
        },
        List.of(
            test("CommitPerChange", "aPropertyUpdateAppendsOneCommitWithTheContentBeforeAndAfter"),
            test(
                "CommitPerChange",
                "aPropertyUpdateThatChangesNothingStillAppendsACommitWithEqualContents")));
  }

  /**
   * A multi-asset commit that checks every expectation, then commits the assets one by one: each
   * part gets a commit of its own, where the contract wants one commit for the whole step.
   */
  static BrokenStore multiAssetCommitOfOneCommitPerAsset() {
    return new BrokenStore(
        "multi-commit-one-commit-per-asset",
        "assets.commitMetadataLocations writes one commit per asset",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "commitMetadataLocations",
                        3,
                        call ->
                            attempt(
                                () -> {
                                  TenantId tenant = call.arg(0, TenantId.class);
                                  List<AssetCommit> parts = call.arg(1, List.class);
                                  CommitMeta meta = call.arg(2, CommitMeta.class);
                                  try {
                                    Requests.tenant(tenant);
                                    Requests.assetCommits(parts, "commits");
                                    VersionRequests.commitMeta(meta, "meta");
                                  } catch (CatalogStoreException invalid) {
                                    return proceeding(call);
                                  }
                                  for (AssetCommit part : parts) {
                                    Optional<Asset> current =
                                        join(facets.assets().get(tenant, part.asset()));
                                    if (current.isEmpty()
                                        || !current
                                            .get()
                                            .metadataLocation()
                                            .equals(part.commit().expected())) {
                                      // The honest store reports what is wrong, and commits
                                      // nothing.
                                      return proceeding(call);
                                    }
                                  }
                                  List<Asset> committed = new ArrayList<>();
                                  for (AssetCommit part : parts) {
                                    committed.add(
                                        join(
                                            facets
                                                .assets()
                                                .commitMetadataLocation(
                                                    tenant, part.asset(), part.commit(), meta)));
                                  }
                                  return completedFuture(List.copyOf(committed));
                                }))
                    .build()),
        List.of(
            test(
                "CommitPerChange",
                "aMultiAssetCommitAppendsOneCommitWithOneOperationPerAssetInKeyOrder"),
            test(
                "CommitOperations",
                "aMultiAssetCommitIsOneCommitWithOneOperationPerAssetSortedByKey")));
  }

  /**
   * A change whose commit's parent is looked up by catalog instead of by branch: every commit
   * written on a branch other than {@code main} names {@code main}'s head as its parent. Simulated
   * on the read side: the commits a change on another branch wrote show {@code main}'s head of that
   * moment as their parent.
   */
  static BrokenStore parentFromMainForEveryBranch() {
    return new BrokenStore(
        "commit-parent-from-main",
        "a change on a branch other than main records main's head as its commit's parent",
        facets -> {
          Map<CommitId, CommitId> parentOf = new ConcurrentHashMap<>();
          Intercept.Replacement recording =
              call ->
                  attempt(
                      () -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        Optional<BranchRef> branch = branchOf(call);
                        if (tenant == null
                            || branch.isEmpty()
                            || branch.get().branch().equals(BranchRef.MAIN)) {
                          return proceeding(call);
                        }
                        Optional<Branch> main =
                            join(
                                facets
                                    .branches()
                                    .get(tenant, BranchRef.main(branch.get().catalog())));
                        Object result = join(BrokenStoreKit.<Object>proceeding(call));
                        Optional<Branch> written =
                            join(facets.branches().get(tenant, branch.get()));
                        if (main.isPresent() && written.isPresent()) {
                          parentOf.put(written.get().head(), main.get().head());
                        }
                        return completedFuture(result);
                      });
          Assets assets =
              Intercept.facet(Assets.class, facets.assets())
                  .replace("create", 4, recording)
                  .replace("rename", 5, recording)
                  .replace("updateProperties", 4, recording)
                  .replace("delete", 4, recording)
                  .replace("commitMetadataLocation", 4, recording)
                  .replace("commitMetadataLocations", 3, recording)
                  .build();
          Commits commits =
              rewritingCommits(
                  facets.commits(),
                  commit ->
                      parentOf.containsKey(commit.id())
                          ? new Commit(
                              commit.id(),
                              commit.catalog(),
                              List.of(parentOf.get(commit.id())),
                              commit.meta(),
                              commit.createdAt())
                          : commit);
          return facets.withAssets(assets).withCommits(commits);
        },
        List.of(test("CommitPerChange", "aChangeOnABranchAppendsToThatBranchOnly")));
  }

  /** The branch of the asset (or of the first part of the commits) a change names, if valid. */
  private static Optional<BranchRef> branchOf(Intercept.Call call) {
    Object target = call.arg(1, Object.class);
    if (target instanceof AssetRef asset) {
      return Optional.ofNullable(asset.branch());
    }
    if (target instanceof List<?> parts
        && !parts.isEmpty()
        && parts.get(0) instanceof AssetCommit first
        && first.asset() != null) {
      return Optional.ofNullable(first.asset().branch());
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // history reads

  /**
   * An ancestry whose next page starts at the first parent of the first parent of the last commit
   * returned (an off-by-one in the keyset): each page after the first skips one commit.
   */
  static BrokenStore ancestrySkippingACommitAtEachPage() {
    return new BrokenStore(
        "ancestry-skips-a-commit",
        "commits.ancestry skips the first commit of every page after the first",
        facets ->
            facets.withCommits(
                Intercept.facet(Commits.class, facets.commits())
                    .replace(
                        "ancestry",
                        3,
                        call -> {
                          PageRequest page = call.arg(2, PageRequest.class);
                          if (page == null || page.pageToken().isEmpty() || page.limit() < 1) {
                            return call.proceed();
                          }
                          PageRequest wider =
                              PageRequest.nextPage(page.pageToken().get(), page.limit() + 1);
                          return ((CompletableFuture<Page<Commit>>)
                                  call.proceed(
                                      call.arg(0, Object.class), call.arg(1, Object.class), wider))
                              .thenApply(
                                  read ->
                                      read.items().isEmpty()
                                          ? read
                                          : new Page<>(
                                              read.items().subList(1, read.items().size()),
                                              read.nextPageToken()));
                        })
                    .build()),
        List.of(test("Ancestry", "everyPageIsFullWhileMoreFollowAndOnlyThenHasAToken")));
  }

  /** The operations of a commit read back newest-written first: in reverse key order. */
  static BrokenStore operationsInReverseKeyOrder() {
    return new BrokenStore(
        "operations-in-reverse-key-order",
        "commits.operations lists a commit's operations in reverse key order",
        facets ->
            facets.withCommits(
                Intercept.facet(Commits.class, facets.commits())
                    .replace(
                        "operations",
                        4,
                        call ->
                            BrokenStoreKit.<Page<AssetChange>>proceeding(call)
                                .thenApply(
                                    page -> {
                                      List<AssetChange> reversed = new ArrayList<>(page.items());
                                      Collections.reverse(reversed);
                                      return new Page<>(reversed, page.nextPageToken());
                                    }))
                    .build()),
        List.of(
            test("CommitPerChange", "aRenameAppendsOneCommitDeletingTheOldKeyAndCreatingTheNewOne"),
            test("CommitOperations", "operationsAreSortedByNamespaceThenName")));
  }

  /** A message column of {@code VARCHAR(255)}: longer messages come back cut. */
  static BrokenStore messagesCutTo255Characters() {
    return new BrokenStore(
        "commit-message-cut-to-255",
        "commits come back with their message cut to 255 characters",
        facets ->
            facets.withCommits(
                rewritingCommits(
                    facets.commits(),
                    commit ->
                        commit.meta().message().filter(m -> m.length() > 255).isEmpty()
                            ? commit
                            : new Commit(
                                commit.id(),
                                commit.catalog(),
                                commit.parents(),
                                new CommitMeta(
                                    commit.meta().author(),
                                    commit.meta().message().map(m -> m.substring(0, 255))),
                                commit.createdAt()))),
        List.of(
            test("VersionInputRules", "messagesKeepTheirLineBreaksTabsAndEveryCharacterExactly")));
  }

  /** A missing tag in a commit reference reported as a missing commit. */
  static BrokenStore ancestryOfAMissingTagSayingCommit() {
    return new BrokenStore(
        "ancestry-missing-tag-says-commit",
        "commits.ancestry of a missing tag fails with NotFound COMMIT instead of TAG",
        facets ->
            facets.withCommits(
                Intercept.facet(Commits.class, facets.commits())
                    .replace(
                        "ancestry",
                        3,
                        call ->
                            BrokenStoreKit.<Page<Commit>>proceeding(call)
                                .exceptionallyCompose(
                                    failure -> {
                                      Throwable cause = unwrap(failure);
                                      if (cause instanceof NotFoundException missing
                                          && missing.missing() == ObjectType.TAG) {
                                        return failedFuture(
                                            new NotFoundException(
                                                ObjectType.COMMIT, missing.getMessage()));
                                      }
                                      return failedFuture(cause);
                                    }))
                    .build()),
        List.of(test("MissingThings", "everyCallOnAMissingTagIsNotFoundNamingTheTag")));
  }

  // ---------------------------------------------------------------------------------------------
  // branches

  /** A branch deletion without the check for {@code main}. */
  static BrokenStore mainDeletable() {
    return new BrokenStore(
        "main-deletable",
        "branches.delete deletes main",
        facets -> {
          record Key(TenantId tenant, String catalog) {}
          Set<Key> deleted = ConcurrentHashMap.newKeySet();
          return facets.withBranches(
              Intercept.facet(Branches.class, facets.branches())
                  .replace(
                      "delete",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        BranchRef branch = call.arg(1, BranchRef.class);
                        if (tenant != null
                            && branch != null
                            && BranchRef.MAIN.equals(branch.branch())
                            && !deleted.contains(new Key(tenant, branch.catalog()))
                            && join(facets.branches().get(tenant, branch)).isPresent()) {
                          deleted.add(new Key(tenant, branch.catalog()));
                          return completedFuture(null);
                        }
                        return call.proceed();
                      })
                  .replace(
                      "get",
                      2,
                      call -> {
                        BranchRef branch = call.arg(1, BranchRef.class);
                        return branch != null
                                && BranchRef.MAIN.equals(branch.branch())
                                && deleted.contains(
                                    new Key(call.arg(0, TenantId.class), branch.catalog()))
                            ? completedFuture(Optional.empty())
                            : call.proceed();
                      })
                  .replace(
                      "list",
                      3,
                      call ->
                          BrokenStoreKit.<Page<Branch>>proceeding(call)
                              .thenApply(
                                  page ->
                                      new Page<>(
                                          page.items().stream()
                                              .filter(
                                                  b ->
                                                      !(BranchRef.MAIN.equals(b.ref().branch())
                                                          && deleted.contains(
                                                              new Key(
                                                                  call.arg(0, TenantId.class),
                                                                  b.ref().catalog()))))
                                              .toList(),
                                          page.nextPageToken())))
                  .build());
        },
        List.of(
            test("BranchLifecycle", "mainCannotBeDeleted"),
            test("VersionFailedCalls", "theDeletionOfMainIsRefusedAndChangesNothing")));
  }

  /**
   * A tag list sorted by Java's {@code String.compareTo} (UTF-16 order) within each page: a name
   * outside the Basic Multilingual Plane sorts before {@code "ｚ"} (U+FF5A), not after it.
   */
  static BrokenStore tagsPagedInUtf16Order() {
    return new BrokenStore(
        "tags-paged-in-utf16-order",
        "tags.list sorts each page by UTF-16 code unit instead of by code point",
        facets ->
            facets.withTags(
                Intercept.facet(Tags.class, facets.tags())
                    .replace(
                        "list",
                        3,
                        call ->
                            BrokenStoreKit.<Page<Tag>>proceeding(call)
                                .thenApply(
                                    page ->
                                        new Page<>(
                                            page.items().stream()
                                                .sorted(
                                                    Comparator.comparing(
                                                        (Tag tag) -> tag.ref().tag()))
                                                .toList(),
                                            page.nextPageToken())))
                    .build()),
        List.of(test("Tags", "tagsAreListedByNameInCodePointOrder")));
  }

  /**
   * A catalog deletion that forgets the tags table: the tags of a deleted catalog survive, and a
   * catalog created again under its name lists them, naming commits it does not have.
   */
  static BrokenStore catalogDeletionKeepingItsTags() {
    return new BrokenStore(
        "catalog-delete-keeps-tags",
        "catalogs.delete leaves the catalog's tags behind",
        facets -> {
          record Key(TenantId tenant, String catalog) {}
          Map<Key, List<Tag>> orphans = new ConcurrentHashMap<>();
          Catalogs catalogs =
              Intercept.facet(Catalogs.class, facets.catalogs())
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                String catalog = call.arg(1, String.class);
                                List<Tag> tags =
                                    tenant == null || catalog == null
                                        ? List.of()
                                        : facets
                                            .tags()
                                            .list(
                                                tenant,
                                                catalog,
                                                PageRequest.firstPage(PageRequest.MAX_LIMIT))
                                            .handle(
                                                (page, failure) ->
                                                    failure == null ? page.items() : List.<Tag>of())
                                            .join();
                                Object deleted = join(BrokenStoreKit.<Object>proceeding(call));
                                if (!tags.isEmpty()) {
                                  orphans.put(new Key(tenant, catalog), tags);
                                }
                                return completedFuture(deleted);
                              }))
                  .build();
          Tags tags =
              Intercept.facet(Tags.class, facets.tags())
                  .replace(
                      "list",
                      3,
                      call ->
                          BrokenStoreKit.<Page<Tag>>proceeding(call)
                              .thenApply(
                                  page -> {
                                    List<Tag> kept =
                                        orphans.get(
                                            new Key(
                                                call.arg(0, TenantId.class),
                                                call.arg(1, String.class)));
                                    return kept == null || !page.items().isEmpty()
                                        ? page
                                        : Page.last(kept);
                                  }))
                  .replace(
                      "get",
                      2,
                      call ->
                          BrokenStoreKit.<Optional<Tag>>proceeding(call)
                              .thenApply(
                                  found -> {
                                    TagRef ref = call.arg(1, TagRef.class);
                                    List<Tag> kept =
                                        ref == null
                                            ? null
                                            : orphans.get(
                                                new Key(
                                                    call.arg(0, TenantId.class), ref.catalog()));
                                    return found.isPresent() || kept == null
                                        ? found
                                        : kept.stream()
                                            .filter(t -> t.ref().equals(ref))
                                            .findFirst();
                                  }))
                  .build();
          return facets.withCatalogs(catalogs).withTags(tags);
        },
        List.of(test("CatalogCascades", "deletingACatalogRemovesItsCommitsBranchesAndTags")));
  }

  /**
   * A branch that takes its times from the commit it starts at instead of the clock: until its head
   * first moves, it reads as created when that commit was written.
   */
  static BrokenStore branchStampedWithItsHeadsTime() {
    return new BrokenStore(
        "branch-stamped-with-its-heads-time",
        "a new branch's createdAt and updatedAt are its head commit's createdAt",
        facets -> {
          UnaryOperator<Branch> restamp =
              branch -> {
                if (!branch.createdAt().equals(branch.updatedAt())) {
                  return branch;
                }
                Instant headTime = null;
                for (Tenant tenant : allPages(page -> facets.tenants().list(page))) {
                  Optional<Commit> head =
                      join(
                          facets.commits().get(tenant.id(), branch.ref().catalog(), branch.head()));
                  if (head.isPresent()) {
                    headTime = head.get().createdAt();
                  }
                }
                return headTime == null
                    ? branch
                    : new Branch(
                        branch.ref(),
                        branch.type(),
                        branch.head(),
                        branch.partial(),
                        headTime,
                        headTime);
              };
          return facets.withBranches(
              Intercept.facet(Branches.class, facets.branches())
                  .replace(
                      "create",
                      3,
                      call -> BrokenStoreKit.<Branch>proceeding(call).thenApply(restamp))
                  .replace(
                      "get",
                      2,
                      call ->
                          BrokenStoreKit.<Optional<Branch>>proceeding(call)
                              .thenApply(found -> found.map(restamp)))
                  .build());
        },
        List.of(test("VersionTime", "aBranchIsStampedWhenCreatedAndItsCreationWritesNoCommit")));
  }

  // ---------------------------------------------------------------------------------------------
  // isolation and validation

  /** A commit lookup by id alone: a commit of any tenant's same-named catalog is found. */
  static BrokenStore commitIdsOfEveryTenant() {
    return new BrokenStore(
        "commit-ids-leak-across-tenants",
        "commits.get finds a commit id in the same-named catalog of another tenant",
        facets ->
            facets.withCommits(
                Intercept.facet(Commits.class, facets.commits())
                    .replace(
                        "get",
                        3,
                        call ->
                            attempt(
                                () -> {
                                  Optional<Commit> own = join(proceeding(call));
                                  String catalog = call.arg(1, String.class);
                                  CommitId id = call.arg(2, CommitId.class);
                                  if (own.isPresent() || catalog == null || id == null) {
                                    return completedFuture(own);
                                  }
                                  for (Tenant other :
                                      allPages(page -> facets.tenants().list(page))) {
                                    Optional<Commit> found =
                                        join(facets.commits().get(other.id(), catalog, id));
                                    if (found.isPresent()) {
                                      return completedFuture(found);
                                    }
                                  }
                                  return completedFuture(own);
                                }))
                    .build()),
        List.of(
            test("CommitIsolation", "getCommitOfAnotherTenantsIdIsEmpty"),
            test("MissingThings", "everyGetOfAMissingBranchTagOrCommitIsEmptyNotAFailure")));
  }

  /** A create that validates its commit meta before the asset and the request. */
  static BrokenStore createCheckingTheMetaFirst() {
    return new BrokenStore(
        "create-checks-the-meta-first",
        "assets.create reports an invalid meta before an invalid asset name",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "create",
                        4,
                        call ->
                            attempt(
                                () -> {
                                  VersionRequests.commitMeta(call.arg(3, CommitMeta.class), "meta");
                                  return proceeding(call);
                                }))
                    .build()),
        List.of(test("VersionInputRules", "theMetaIsCheckedAfterTheCallsOtherArguments")));
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /**
   * {@code commits} with every commit it returns (get, ancestry) passed through {@code rewrite}.
   */
  private static Commits rewritingCommits(Commits commits, UnaryOperator<Commit> rewrite) {
    return Intercept.facet(Commits.class, commits)
        .replace(
            "get",
            3,
            call ->
                BrokenStoreKit.<Optional<Commit>>proceeding(call)
                    .thenApply(found -> found.map(rewrite)))
        .replace(
            "ancestry",
            3,
            call ->
                BrokenStoreKit.<Page<Commit>>proceeding(call)
                    .thenApply(
                        page ->
                            new Page<>(
                                page.items().stream().map(rewrite).toList(), page.nextPageToken())))
        .build();
  }

  private static Branch withHead(Branch branch, CommitId head) {
    return new Branch(
        branch.ref(),
        branch.type(),
        head,
        branch.partial(),
        branch.createdAt(),
        branch.updatedAt());
  }

  /** Every asset of {@code branch}, by key, read through the honest facets. */
  private static Map<AssetKey, Asset> assetsOf(
      StoreFacets facets, TenantId tenant, BranchRef branch) {
    Map<AssetKey, Asset> assets = new TreeMap<>();
    for (Namespace namespace :
        BrokenStoreKit.subtree(facets.namespaces(), tenant, NamespaceRef.root(branch.catalog()))) {
      for (Asset asset :
          allPages(page -> facets.assets().list(tenant, branch, namespace.path(), page))) {
        assets.put(AssetKey.of(asset.ref()), asset);
      }
    }
    return assets;
  }

  /**
   * Makes the asset at {@code key} on {@code branch} hold {@code wanted} (absent: no asset) by
   * honest deletes and creates, as a backend writing contents row by row would; {@code current} is
   * the asset there now, if any.
   */
  private static void overwrite(
      StoreFacets facets,
      TenantId tenant,
      BranchRef branch,
      AssetKey key,
      Asset current,
      Optional<AssetContent> wanted) {
    if (wanted.equals(Optional.ofNullable(current).map(AssetContent::of))) {
      return;
    }
    AssetRef ref = new AssetRef(branch, key.namespace(), key.name());
    if (current != null) {
      join(facets.assets().delete(tenant, ref));
    }
    if (wanted.isPresent()) {
      AssetContent content = wanted.get();
      NewAsset.Builder request = NewAsset.builder(content.kind()).properties(content.properties());
      content.location().ifPresent(request::location);
      content.metadataLocation().ifPresent(request::metadataLocation);
      join(facets.assets().create(tenant, ref, request.build()));
    }
  }
}
