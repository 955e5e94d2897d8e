package dev.catalogstore.examples;

import dev.catalogstore.api.CatalogStore;
import java.util.concurrent.CompletableFuture;

/** The walkthrough's running order: each step returns a future and starts when the last ends. */
final class Tour {
  private Tour() {}

  static CompletableFuture<Void> run(CatalogStore store, Narrator narrator) {
    return TenantSteps.createTenant(store, narrator)
        .thenCompose(tenant -> runFor(new Scene(store, tenant.id(), narrator)));
  }

  private static CompletableFuture<Void> runFor(Scene scene) {
    SetupSteps setup = new SetupSteps(scene);
    CommitSteps commits = new CommitSteps(scene);
    PagingSteps paging = new PagingSteps(scene);
    ErrorSteps errors = new ErrorSteps(scene);
    return setup.createWarehouse()
        .thenCompose(ignored -> setup.createCatalog())
        .thenCompose(ignored -> setup.createNamespaces())
        .thenCompose(ignored -> setup.createTables())
        .thenCompose(ignored -> commits.commitTwice())
        .thenCompose(ignored -> commits.loseARace())
        .thenCompose(ignored -> commits.printHistory())
        .thenCompose(ignored -> paging.pageThroughTables())
        .thenCompose(errors::showTypedErrors)
        .thenCompose(ignored -> TenantSteps.showIsolation(scene))
        .thenCompose(other -> TenantSteps.deleteTenants(scene, other));
  }
}
