package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.file;
import static dev.catalogstore.examples.Scene.CATALOG;
import static dev.catalogstore.examples.Scene.ORDERS;
import static dev.catalogstore.examples.Scene.Q1;
import static dev.catalogstore.examples.Scene.metadataFile;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.TagRef;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Git-like versioning: a branch for an ingest run, a change to the same table on both sides, the
 * three-way merge that finds the conflict instead of overwriting main, its resolution by a
 * strategy, a tag on the result, and main's history.
 */
final class BranchSteps {
  static final BranchRef MAIN = BranchRef.main(CATALOG);
  static final BranchRef INGEST = new BranchRef(CATALOG, "nightly-ingest");
  static final TagRef RELEASE = new TagRef(CATALOG, "2024-q1-close");

  private static final AssetRef ORDERS_ON_INGEST = new AssetRef(INGEST, Q1.path(), "orders");
  private static final AssetRef PAYMENTS_ON_INGEST = new AssetRef(INGEST, Q1.path(), "payments");

  private final Scene scene;

  BranchSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> branchForAnIngestRun() {
    scene.step("Branch main for an ingest run; change orders on both sides");
    return scene
        .store()
        .branches()
        .create(scene.tenant(), INGEST, NewBranch.from(CommitRef.head(MAIN)))
        .thenCompose(
            branch -> {
              scene.say("branch " + INGEST.branch() + " starts at main's head " + branch.head());
              return commitOn(ORDERS_ON_INGEST, "v6-ingest", CommitMeta.of("ingest-job", "load"));
            })
        .thenCompose(ignored -> commitOn(ORDERS, "v6-hotfix", CommitMeta.of("alice", "hotfix")))
        .thenCompose(
            ignored ->
                commitOn(PAYMENTS_ON_INGEST, "v3-ingest", CommitMeta.of("ingest-job", "load")))
        .thenAccept(ignored -> {});
  }

  /** Commits the next metadata file of {@code table} on its branch, from wherever it is now. */
  private CompletableFuture<Asset> commitOn(AssetRef table, String version, CommitMeta meta) {
    return scene
        .store()
        .assets()
        .get(scene.tenant(), table)
        .thenCompose(
            read -> {
              Optional<String> current = read.orElseThrow().metadataLocation();
              String next = metadataFile(table.name(), version);
              MetadataCommit commit =
                  current.isPresent()
                      ? MetadataCommit.replacing(current.get(), next)
                      : MetadataCommit.first(next);
              return scene
                  .store()
                  .assets()
                  .commitMetadataLocation(scene.tenant(), table, commit, meta)
                  .thenApply(
                      committed -> {
                        scene.say(
                            table.branch().branch()
                                + ": "
                                + table.name()
                                + " -> "
                                + file(next)
                                + " by "
                                + meta.author().orElseThrow());
                        return committed;
                      });
            });
  }

  CompletableFuture<Void> mergeFindsTheConflict() {
    scene.step("Merge the ingest branch into main: the conflict is found, nothing is overwritten");
    return Failures.expect(
            MergeConflictException.class,
            scene.store().branches().merge(scene.tenant(), INGEST, MAIN))
        .thenCompose(
            failure -> {
              for (MergeConflict conflict : failure.conflicts()) {
                scene.say("conflict on " + conflict.key());
                scene.say("  base   " + describe(conflict.base()));
                scene.say("  source " + describe(conflict.source()));
                scene.say("  target " + describe(conflict.target()));
              }
              return scene.store().assets().get(scene.tenant(), ORDERS);
            })
        .thenAccept(
            orders -> {
              String current = orders.orElseThrow().metadataLocation().orElseThrow();
              if (!current.endsWith("v6-hotfix.metadata.json")) {
                throw new IllegalStateException(
                    "a failed merge changed orders on main: " + current);
              }
              scene.say("main's orders is still " + file(current) + ": the merge changed nothing");
            });
  }

  private static String describe(Optional<AssetContent> content) {
    return content.map(c -> c.metadataLocation().map(Narrator::file).orElse("-")).orElse("absent");
  }

  CompletableFuture<Void> resolveWithAStrategy() {
    scene.step("Resolve it: a dry run, then the merge with SOURCE_WINS");
    MergeOptions sourceWins =
        MergeOptions.DEFAULT
            .withStrategy(MergeStrategy.SOURCE_WINS)
            .withMeta(CommitMeta.of("alice", "publish the nightly ingest"));
    return scene
        .store()
        .branches()
        .merge(scene.tenant(), INGEST, MAIN, sourceWins.asDryRun())
        .thenCompose(
            dryRun -> {
              scene.say("dry run: " + dryRun.outcome() + ", would apply " + keys(dryRun));
              return scene.store().branches().merge(scene.tenant(), INGEST, MAIN, sourceWins);
            })
        .thenAccept(
            merged -> {
              scene.say(
                  "merged: "
                      + merged.outcome()
                      + ", merge commit "
                      + merged.mergeCommit().orElseThrow()
                      + " on base "
                      + merged.base());
              scene.say("applied " + keys(merged));
              merged.conflicts().forEach(c -> scene.say("resolved for the source: " + c.key()));
            });
  }

  private static String keys(MergeResult result) {
    return result.applied().stream().map(change -> change.key().toString()).toList().toString();
  }

  CompletableFuture<Void> tagTheResult() {
    scene.step("Tag main's head, so this state keeps a name");
    return scene
        .store()
        .tags()
        .create(scene.tenant(), RELEASE, CommitRef.head(MAIN))
        .thenAccept(tag -> scene.say("tag " + RELEASE.tag() + " -> commit " + tag.commit()));
  }

  CompletableFuture<Void> printMainsHistory() {
    scene.step("main's history, newest first");
    return scene
        .store()
        .commits()
        .ancestry(scene.tenant(), CommitRef.head(MAIN), PageRequest.firstPage(5))
        .thenAccept(
            page -> {
              for (Commit commit : page.items()) {
                scene.say(
                    commit.id()
                        + (commit.isMerge() ? "  merge " : "  ")
                        + commit.meta().author().orElse("-")
                        + ": "
                        + commit.meta().message().orElse("(no message)"));
              }
              scene.say(
                  page.nextPageToken().isPresent()
                      ? "... older commits on the next page"
                      : "that is all of main's history");
            });
  }
}
