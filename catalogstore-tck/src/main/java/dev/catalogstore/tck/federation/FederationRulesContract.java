package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The rules of the federation facet's arguments: a missing tenant or catalog is a {@code
 * NotFoundException} naming it, for a sync (which records nothing) and for {@code stats}; a bad
 * catalog name or actor is refused with {@code InvalidArgumentException} on {@code catalog}, {@code
 * actor} or {@code actor.id} before anything is looked up; a {@code LOCAL} catalog has no stats.
 */
public abstract class FederationRulesContract extends FederationSuite {

  private void assertMissing(
      ObjectType missing, Function<TenantId, CompletableFuture<?>> call, TenantId under) {
    NotFoundException e = assertFails(NotFoundException.class, () -> call.apply(under));
    assertThat(e.missing()).as("what %s says is missing", e).isEqualTo(missing);
  }

  @Test
  void everyCallUnderATenantThatDoesNotExistIsNotFoundNamingTheTenant() {
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      assertMissing(ObjectType.TENANT, t -> store().federation().sync(t, FED), missing);
      assertMissing(ObjectType.TENANT, t -> store().federation().sync(t, FED, OPERATOR), missing);
      assertMissing(ObjectType.TENANT, t -> store().federation().stats(t, FED), missing);
      assertThat(await(store().audit().count(missing, AuditFilter.ALL))).isZero();
    }
  }

  @Test
  void everyCallOnACatalogThatDoesNotExistIsNotFoundNamingTheCatalog() {
    TenantId tenant = newTenant();
    newFederatedCatalog(tenant, "deleted", newRemote());
    await(store().catalogs().delete(tenant, "deleted"));

    for (String missing : List.of("never-created", "deleted", "FED")) {
      assertMissing(ObjectType.CATALOG, t -> store().federation().sync(t, missing), tenant);
      assertMissing(
          ObjectType.CATALOG, t -> store().federation().sync(t, missing, OPERATOR), tenant);
      assertMissing(ObjectType.CATALOG, t -> store().federation().stats(t, missing), tenant);
    }
    assertThat(await(store().audit().count(tenant, AuditFilter.ALL))).isZero();
  }

  @Test
  void aLocalCatalogHasNoStats() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "local");

    assertThat(stats(tenant, "local")).isEmpty();
  }

  @Test
  void badArgumentsAreRefusedOnTheirNameBeforeAnythingIsLookedUp() {
    TenantId tenant = newTenant();
    newFederatedCatalog(tenant, FED, newRemote());
    List<String> invalid = new ArrayList<>();
    TckNames.invalid().forEach(arguments -> invalid.add((String) arguments.get()[1]));

    for (TenantId under : List.of(tenant, TenantId.random())) {
      for (String bad : invalid) {
        assertInvalid("catalog", () -> store().federation().sync(under, bad));
        assertInvalid("catalog", () -> store().federation().sync(under, bad, OPERATOR));
        assertInvalid("catalog", () -> store().federation().stats(under, bad));
        if (bad != null) {
          assertInvalid(
              "actor.id", () -> store().federation().sync(under, FED, AuditActor.user(bad)));
        }
      }
      assertInvalid("actor", () -> store().federation().sync(under, FED, null));
    }
    assertInvalid("tenant", () -> store().federation().sync(null, FED));
    assertInvalid("tenant", () -> store().federation().stats(null, FED));
    assertThat(stats(tenant, FED)).as("stats after refused syncs").isEmpty();
    assertThat(await(store().audit().count(tenant, AuditFilter.ALL))).isZero();
  }

  @Test
  void everyValidNameIsAFederatedCatalogThatSyncs() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote();
    remote.namespace("ns").table(NamespacePath.of("ns"), "t", loc("t", 1));
    for (String name : TckNames.TRICKY) {
      newFederatedCatalog(tenant, name, remote);
      assertCounts(sync(tenant, name), 1, 0, 0, 1, 0, 0);
      assertThat(stats(tenant, name).orElseThrow().catalog())
          .as("%s", TckNames.label(name))
          .isEqualTo(name);
      assertThat(mirror(tenant, name).tables()).hasSize(1);
    }
  }
}
