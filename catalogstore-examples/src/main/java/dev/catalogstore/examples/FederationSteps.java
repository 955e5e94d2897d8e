package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.file;
import static dev.catalogstore.examples.Narrator.quoted;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.OperationsAudit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Federation: a {@code FEDERATED} catalog mirrors a catalog that lives elsewhere, read through a
 * connector ({@link ExampleMapConnector} here, an in-process stand-in); each sync applies the
 * difference in one atomic step and records its stats.
 */
final class FederationSteps {
  static final String PARTNER = "partner";
  static final String LEGACY = "legacy";
  private static final NamespacePath CRM = NamespacePath.of("crm");
  private static final NamespacePath WEB = NamespacePath.of("web");
  private static final BranchRef PARTNER_MAIN = BranchRef.main(PARTNER);

  private final Scene scene;
  private final ExampleMapConnector.RemoteCatalog remote;
  private final String remoteName;

  FederationSteps(Scene scene, ExampleMapConnector connector) {
    this.scene = scene;
    // One remote per run, so that runs on one database never share it.
    this.remoteName = "partner-lake-" + scene.tenant().toString().substring(0, 8);
    this.remote = connector.remote(remoteName);
  }

  CompletableFuture<Void> mirrorARemoteCatalog() {
    scene.step("Mirror a federated catalog through a connector");
    remote
        .namespace(CRM, Map.of("owner", "crm-team"))
        .namespace(WEB, Map.of())
        .table(CRM, "accounts", remoteMetadata("crm/accounts", "v1"))
        .table(CRM, "contacts", remoteMetadata("crm/contacts", "v1"))
        .table(WEB, "visits", remoteMetadata("web/visits", "v1"));
    scene.say("the remote holds crm.accounts, crm.contacts and web.visits");
    ConnectorConfig config = ExampleMapConnector.configFor(remoteName);
    return scene
        .store()
        .catalogs()
        .create(scene.tenant(), NewCatalog.federated(PARTNER, config))
        .thenCompose(
            catalog -> {
              scene.say(
                  "catalog "
                      + quoted(catalog.name())
                      + ": "
                      + catalog.type()
                      + ", connector type "
                      + config.connectorType());
              return scene.store().federation().sync(scene.tenant(), PARTNER);
            })
        .thenCompose(
            stats -> {
              scene.say("sync: " + describe(stats));
              return tables(CRM);
            })
        .thenAccept(tables -> scene.say("mirrored crm: " + tables));
  }

  CompletableFuture<Void> syncTheDifference() {
    scene.step("The remote changed: the next sync applies the difference in one atomic step");
    remote
        .namespace(CRM, Map.of("owner", "crm-platform"))
        .table(CRM, "accounts", remoteMetadata("crm/accounts", "v2"))
        .dropTable(CRM, "contacts")
        .table(WEB, "sessions", remoteMetadata("web/sessions", "v1"));
    scene.say("remote: accounts moved to v2, contacts dropped, web.sessions added, crm re-owned");
    return scene
        .store()
        .federation()
        .sync(scene.tenant(), PARTNER)
        .thenCompose(
            stats -> {
              scene.say("sync: " + describe(stats));
              return scene
                  .store()
                  .federation()
                  .stats(scene.tenant(), PARTNER)
                  .thenApply(
                      last -> {
                        if (!last.equals(Optional.of(stats))) {
                          throw new IllegalStateException("stats() is not the last sync's");
                        }
                        return last;
                      });
            })
        .thenCompose(
            last -> {
              scene.say("stats() returns that last sync's stats");
              return tables(CRM);
            })
        .thenCompose(
            tables -> {
              scene.say("mirrored crm: " + tables);
              return scene
                  .store()
                  .assets()
                  .history(
                      scene.tenant(),
                      new AssetRef(PARTNER_MAIN, CRM, "accounts"),
                      PageRequest.firstPage(10));
            })
        .thenAccept(
            history ->
                scene.say(
                    "accounts' history: "
                        + history.items().stream()
                            .map(entry -> "#" + entry.sequence() + " " + file(entry.location()))
                            .collect(Collectors.joining(", "))));
  }

  CompletableFuture<Void> recordAFailedSync() {
    scene.step("A sync with no connector for its type fails, and the failure is recorded");
    ConnectorConfig hive =
        new ConnectorConfig("hive-metastore", Map.of("uri", "thrift://hms:9083"));
    return scene
        .store()
        .catalogs()
        .create(scene.tenant(), NewCatalog.federated(LEGACY, hive))
        .thenCompose(
            catalog ->
                Failures.expect(
                    PreconditionFailedException.class,
                    scene.store().federation().sync(scene.tenant(), LEGACY)))
        .thenCompose(
            refused -> {
              scene.say(
                  "sync of "
                      + quoted(LEGACY)
                      + " (connector type hive-metastore, none registered)"
                      + " -> PreconditionFailedException");
              return scene.store().federation().stats(scene.tenant(), LEGACY);
            })
        .thenCompose(
            stats -> {
              SyncStats failed = stats.orElseThrow();
              scene.say(
                  "stats(): "
                      + failed.status()
                      + ", error recorded: "
                      + failed.error().isPresent());
              return scene
                  .store()
                  .audit()
                  .count(
                      scene.tenant(),
                      AuditFilter.ALL
                          .withAction(OperationsAudit.SYNC)
                          .withResult(AuditResult.FAILURE));
            })
        .thenCompose(
            failures -> {
              scene.say("failed syncs in the audit log: " + failures);
              return scene
                  .store()
                  .audit()
                  .count(scene.tenant(), AuditFilter.ALL.withAction(OperationsAudit.SYNC));
            })
        .thenAccept(syncs -> scene.say("syncs in the audit log: " + syncs));
  }

  private CompletableFuture<String> tables(NamespacePath namespace) {
    return scene
        .store()
        .assets()
        .list(scene.tenant(), PARTNER_MAIN, namespace, PageRequest.firstPage(10))
        .thenApply(
            page ->
                page.items().stream()
                    .map(
                        asset ->
                            asset.ref().name()
                                + " -> "
                                + asset.metadataLocation().map(Narrator::file).orElse("-"))
                    .collect(Collectors.joining(", ")));
  }

  private static String describe(SyncStats stats) {
    return stats.status()
        + "; namespaces "
        + stats.namespacesAdded()
        + " added, "
        + stats.namespacesUpdated()
        + " updated, "
        + stats.namespacesRemoved()
        + " removed; tables "
        + stats.tablesAdded()
        + " added, "
        + stats.tablesUpdated()
        + " updated, "
        + stats.tablesRemoved()
        + " removed";
  }

  private String remoteMetadata(String table, String version) {
    return "s3://" + remoteName + "/" + table + "/metadata/" + version + ".metadata.json";
  }
}
