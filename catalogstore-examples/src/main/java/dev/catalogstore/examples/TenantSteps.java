package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.quoted;
import static dev.catalogstore.examples.Scene.CATALOG;
import static dev.catalogstore.examples.Scene.ORDERS;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Tenants: the unit of isolation, the first argument of every call on tenant data. */
final class TenantSteps {
  private TenantSteps() {}

  static CompletableFuture<Tenant> createTenant(CatalogStore store, Narrator narrator) {
    narrator.step("Create a tenant");
    return store
        .tenants()
        .create(NewTenant.named(uniqueName("acme")))
        .thenApply(
            tenant -> {
              narrator.say(quoted(tenant.name()) + ", id " + tenant.id());
              return tenant;
            });
  }

  /**
   * Another tenant cannot reach the first one's data, by name or by id. Completes with the other
   * tenant, so that it can be deleted at the end.
   */
  static CompletableFuture<TenantId> showIsolation(Scene scene) {
    scene.step("Tenants are isolated: another tenant sees none of this");
    CompletableFuture<Tenant> other =
        scene.store().tenants().create(NewTenant.named(uniqueName("globex")));
    CompletableFuture<Asset> orders =
        scene.store().assets().get(scene.tenant(), ORDERS).thenApply(found -> found.orElseThrow());
    return other
        .thenCombine(orders, Intruder::new)
        .thenCompose(
            intruder -> {
              TenantId id = intruder.tenant().id();
              CompletableFuture<Optional<Asset>> byId =
                  scene.store().assets().getById(id, intruder.target().id());
              return scene
                  .store()
                  .catalogs()
                  .get(id, CATALOG)
                  .thenCombine(
                      byId,
                      (catalog, asset) -> {
                        scene.say(
                            quoted(intruder.tenant().name())
                                + " asks for catalog "
                                + quoted(CATALOG)
                                + ": "
                                + (catalog.isPresent() ? "FOUND" : "empty"));
                        scene.say(
                            quoted(intruder.tenant().name())
                                + " asks for orders by its id: "
                                + (asset.isPresent() ? "FOUND" : "empty"));
                        if (catalog.isPresent() || asset.isPresent()) {
                          throw new IllegalStateException(
                              "one tenant reached another tenant's data");
                        }
                        return id;
                      });
            });
  }

  private record Intruder(Tenant tenant, Asset target) {}

  static CompletableFuture<Void> deleteTenants(Scene scene, TenantId other) {
    scene.step("Delete the tenants; all they own goes with them, atomically");
    return scene
        .store()
        .audit()
        .count(scene.tenant(), AuditFilter.ALL)
        .thenCompose(
            before ->
                scene
                    .store()
                    .tenants()
                    .delete(other)
                    .thenCompose(ignored -> scene.store().tenants().delete(scene.tenant()))
                    .thenCompose(ignored -> checkGone(scene))
                    .thenCompose(
                        ignored -> scene.store().audit().count(scene.tenant(), AuditFilter.ALL))
                    .thenAccept(
                        after -> {
                          // The operator's read: by the deleted tenant's id.
                          scene.say(
                              "audit().count(tenant): "
                                  + after
                                  + " events, as before: the audit log outlives its tenant");
                          if (!after.equals(before) || after == 0) {
                            throw new IllegalStateException(
                                "the tenant's deletion changed its audit log");
                          }
                        }));
  }

  private static CompletableFuture<Void> checkGone(Scene scene) {
    return scene
        .store()
        .tenants()
        .get(scene.tenant())
        .thenAcceptBoth(
            scene.store().catalogs().get(scene.tenant(), CATALOG),
            (tenant, catalog) -> {
              scene.say("tenants().get(tenant): " + (tenant.isPresent() ? "FOUND" : "empty"));
              scene.say(
                  "catalogs().get(tenant, "
                      + quoted(CATALOG)
                      + "): "
                      + (catalog.isPresent() ? "FOUND" : "empty"));
              if (tenant.isPresent() || catalog.isPresent()) {
                throw new IllegalStateException("tenants().delete left the tenant's data behind");
              }
            });
  }

  /** Tenant names are unique in a store; a suffix lets the walkthrough run again on a database. */
  private static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }
}
