package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.file;
import static dev.catalogstore.examples.Scene.CATALOG;
import static dev.catalogstore.examples.Scene.Q2;
import static dev.catalogstore.examples.Scene.WAREHOUSE_ROOT;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.tag.TagRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Table maintenance: expiring a table's old snapshots forgets old metadata locations and returns
 * them for the caller to delete, but never one that is current or that a tag still reaches.
 */
final class MaintenanceSteps {
  static final AssetRef FORECASTS = AssetRef.onMain(Q2, "forecasts");
  static final TagRef FORECASTS_V2 = new TagRef(CATALOG, "forecasts-v2");

  private final Scene scene;

  MaintenanceSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> expireSnapshots() {
    scene.step("Expire a table's old snapshots: what is referenced is never pruned");
    return scene
        .store()
        .assets()
        .create(
            scene.tenant(),
            FORECASTS,
            NewAsset.icebergTable(WAREHOUSE_ROOT + "/sales/2024.q2/forecasts", metadata("v1")))
        .thenCompose(created -> commit("v1", "v2"))
        // The commit that set v2 is main's head now: a tag on it keeps v2 reachable.
        .thenCompose(
            ignored ->
                scene
                    .store()
                    .tags()
                    .create(scene.tenant(), FORECASTS_V2, CommitRef.head(BranchRef.main(CATALOG))))
        .thenCompose(tag -> commit("v2", "v3"))
        .thenCompose(ignored -> commit("v3", "v4"))
        .thenCompose(
            ignored -> {
              scene.say("forecasts: v1 -> v2 -> v3 -> v4, tag " + FORECASTS_V2.tag() + " at v2");
              return scene.store().settings().get(scene.tenant());
            })
        .thenCompose(
            settings ->
                scene
                    .store()
                    .maintenance()
                    .expireSnapshots(scene.tenant(), FORECASTS, settings.defaultRetention())
                    .thenAccept(
                        expired -> {
                          scene.say(
                              "retention "
                                  + settings.defaultRetention().toDays()
                                  + " days (the tenant's default): pruned "
                                  + files(expired)
                                  + ", every entry is younger");
                          if (!expired.pruned().isEmpty()) {
                            throw new IllegalStateException("pruned entries younger than 5 days");
                          }
                        }))
        .thenCompose(
            ignored ->
                scene
                    .store()
                    .maintenance()
                    .expireSnapshots(scene.tenant(), FORECASTS, Duration.ZERO))
        .thenCompose(
            expired -> {
              scene.say("retention 0: pruned " + files(expired) + "; delete those files now");
              if (!expired.locations().equals(List.of(metadata("v1"), metadata("v3")))) {
                throw new IllegalStateException("expected v1 and v3 pruned, not " + files(expired));
              }
              scene.say("kept v4 (current) and v2 (tag " + FORECASTS_V2.tag() + " reaches it)");
              return scene
                  .store()
                  .assets()
                  .history(scene.tenant(), FORECASTS, PageRequest.firstPage(10));
            })
        .thenCompose(
            history -> {
              scene.say(
                  "history now: "
                      + history.items().stream()
                          .map(entry -> "#" + entry.sequence() + " " + file(entry.location()))
                          .collect(Collectors.joining(", "))
                      + " (entries keep their numbers)");
              return scene
                  .store()
                  .audit()
                  .count(
                      scene.tenant(), AuditFilter.ALL.withAction(OperationsAudit.EXPIRE_SNAPSHOTS));
            })
        .thenAccept(
            runs -> {
              scene.say("audit events of action " + OperationsAudit.EXPIRE_SNAPSHOTS + ": " + runs);
              if (runs != 2) {
                throw new IllegalStateException("each run records one audit event, not " + runs);
              }
            });
  }

  private CompletableFuture<Void> commit(String from, String to) {
    return scene
        .store()
        .assets()
        .commitMetadataLocation(
            scene.tenant(), FORECASTS, MetadataCommit.replacing(metadata(from), metadata(to)))
        .thenApply(asset -> null);
  }

  private static String files(ExpiredSnapshots expired) {
    List<MetadataLocation> pruned = expired.pruned();
    return pruned.isEmpty()
        ? "nothing"
        : pruned.stream().map(entry -> file(entry.location())).collect(Collectors.joining(", "));
  }

  static String metadata(String version) {
    return WAREHOUSE_ROOT + "/sales/2024.q2/forecasts/metadata/" + version + ".metadata.json";
  }
}
