package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.quoted;
import static dev.catalogstore.examples.Scene.CATALOG;
import static dev.catalogstore.examples.Scene.ORDERS;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Tenants: the unit of isolation, the first argument of every call on tenant data. */
final class TenantSteps {
  private TenantSteps() {}

  static CompletableFuture<Tenant> createTenant(CatalogStore store, Narrator narrator) {
    narrator.step("Create a tenant");
    return store.createTenant(NewTenant.named(uniqueName("acme")))
        .thenApply(tenant -> {
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
        scene.store().createTenant(NewTenant.named(uniqueName("globex")));
    CompletableFuture<Asset> orders =
        scene.store().getAsset(scene.tenant(), ORDERS).thenApply(found -> found.orElseThrow());
    return other.thenCombine(orders, Intruder::new).thenCompose(intruder -> {
      TenantId id = intruder.tenant().id();
      return scene.store().getCatalog(id, CATALOG)
          .thenCombine(scene.store().getAssetById(id, intruder.target().id()), (catalog, asset) -> {
            scene.say(quoted(intruder.tenant().name()) + " asks for catalog " + quoted(CATALOG)
                + ": " + (catalog.isPresent() ? "FOUND" : "empty"));
            scene.say(quoted(intruder.tenant().name()) + " asks for orders by its id: "
                + (asset.isPresent() ? "FOUND" : "empty"));
            if (catalog.isPresent() || asset.isPresent()) {
              throw new IllegalStateException("one tenant reached another tenant's data");
            }
            return id;
          });
    });
  }

  private record Intruder(Tenant tenant, Asset target) {}

  static CompletableFuture<Void> deleteTenants(Scene scene, TenantId other) {
    scene.step("Delete the tenants; all they own goes with them, atomically");
    return scene.store().deleteTenant(other)
        .thenCompose(ignored -> scene.store().deleteTenant(scene.tenant()))
        .thenCompose(ignored -> scene.store().getTenant(scene.tenant()).thenAcceptBoth(
            scene.store().getCatalog(scene.tenant(), CATALOG), (tenant, catalog) -> {
              scene.say("getTenant: " + (tenant.isPresent() ? "FOUND" : "empty"));
              scene.say("getCatalog " + quoted(CATALOG) + ": "
                  + (catalog.isPresent() ? "FOUND" : "empty"));
              if (tenant.isPresent() || catalog.isPresent()) {
                throw new IllegalStateException("deleteTenant left the tenant's data behind");
              }
            }));
  }

  /** Tenant names are unique in a store; a suffix lets the walkthrough run again on a database. */
  private static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }
}
