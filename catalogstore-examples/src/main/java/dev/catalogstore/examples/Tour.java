package dev.catalogstore.examples;

import dev.catalogstore.api.CatalogStore;
import java.util.concurrent.CompletableFuture;

/** The walkthrough's running order: each step returns a future and starts when the last ends. */
final class Tour {
  private Tour() {}

  static CompletableFuture<Void> run(
      CatalogStore store, Narrator narrator, ExampleMapConnector connector) {
    return TenantSteps.createTenant(store, narrator)
        .thenCompose(tenant -> runFor(new Scene(store, tenant.id(), narrator), connector));
  }

  private static CompletableFuture<Void> runFor(Scene scene, ExampleMapConnector connector) {
    SetupSteps setup = new SetupSteps(scene);
    CommitSteps commits = new CommitSteps(scene);
    PagingSteps paging = new PagingSteps(scene);
    ErrorSteps errors = new ErrorSteps(scene);
    TransactionSteps transactions = new TransactionSteps(scene);
    ViewSteps views = new ViewSteps(scene);
    BranchSteps branches = new BranchSteps(scene);
    IcebergSteps iceberg = new IcebergSteps(scene);
    AccessSteps access = new AccessSteps(scene);
    AuditSteps audit = new AuditSteps(scene);
    SettingsSteps settings = new SettingsSteps(scene);
    MaintenanceSteps maintenance = new MaintenanceSteps(scene);
    FederationSteps federation = new FederationSteps(scene, connector);
    return setup
        .createWarehouse()
        .thenCompose(ignored -> setup.createCatalog())
        .thenCompose(ignored -> setup.createNamespaces())
        .thenCompose(ignored -> setup.createTables())
        .thenCompose(ignored -> commits.commitTwice())
        .thenCompose(ignored -> commits.loseARace())
        .thenCompose(ignored -> commits.printHistory())
        .thenCompose(ignored -> paging.pageThroughTables())
        .thenCompose(errors::showTypedErrors)
        // What a catalog service (an Iceberg REST server) needs beyond a single commit.
        .thenCompose(ignored -> transactions.commitWithLocationAndProperty())
        .thenCompose(ignored -> transactions.commitTwoTables())
        .thenCompose(ignored -> views.refuseToDropAReplacement())
        .thenCompose(ignored -> views.listOnlyTables())
        // Git-like versioning: a branch, a conflict found and resolved, a tag, the history.
        .thenCompose(ignored -> branches.branchForAnIngestRun())
        .thenCompose(ignored -> branches.mergeFindsTheConflict())
        .thenCompose(ignored -> branches.resolveWithAStrategy())
        .thenCompose(ignored -> branches.tagTheResult())
        .thenCompose(ignored -> branches.printMainsHistory())
        // Identity and access: users, a role, a service user's key, a token's life.
        .thenCompose(ignored -> access.grantThroughARole())
        .thenCompose(
            bob ->
                access
                    .authenticateAServiceUser()
                    .thenCompose(ignored -> access.revokeAndSweepTokens(bob)))
        // The same story as an engine or service tells it, through Iceberg's API and the adapter.
        .thenCompose(ignored -> iceberg.tableThroughIceberg())
        // Operations: the audit log, settings, table maintenance, federated catalogs.
        .thenCompose(ignored -> audit.appendAndFilter())
        .thenCompose(ignored -> settings.defaultsThenAPartialUpdate())
        .thenCompose(ignored -> maintenance.expireSnapshots())
        .thenCompose(ignored -> federation.mirrorARemoteCatalog())
        .thenCompose(ignored -> federation.syncTheDifference())
        .thenCompose(ignored -> federation.recordAFailedSync())
        // Last, as it deletes the tenant with all it owns, the adapter's catalog included.
        .thenCompose(ignored -> TenantSteps.showIsolation(scene))
        .thenCompose(other -> TenantSteps.deleteTenants(scene, other));
  }
}
