package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** Broken stores whose defect lives in the catalogs facet. */
final class CatalogBrokenStores {
  private CatalogBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        orphaningOnCatalogDeletion(),
        gettingIgnoringCase(),
        connectorUpdateResettingProperties(),
        deletingIgnoringCase(),
        tokenOnAFullLastPage(),
        connectorUpdateNotMovingUpdatedAt(),
        connectorBeforeValidatingProperties());
  }

  /**
   * A cascade that forgot a table (or ran its steps outside one transaction and stopped half-way):
   * the catalog is gone but its assets survive as orphans that a lookup by id finds.
   */
  static BrokenStore orphaningOnCatalogDeletion() {
    return new BrokenStore(
        "orphaning-cascade",
        "catalogs.delete leaves the catalog's assets reachable by id",
        facets -> {
          record Owned(TenantId tenant, Asset asset) {}
          Map<AssetId, Owned> created = new ConcurrentHashMap<>();
          Map<AssetId, Owned> orphans = new ConcurrentHashMap<>();
          Assets assets =
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "create",
                      3,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  stored -> {
                                    created.put(
                                        stored.id(),
                                        new Owned(call.arg(0, TenantId.class), stored));
                                    return stored;
                                  }))
                  .replace(
                      "getById",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetId id = call.arg(1, AssetId.class);
                        return ((CompletableFuture<Optional<Asset>>) call.proceed())
                            .thenApply(
                                found -> {
                                  Owned orphan = id == null ? null : orphans.get(id);
                                  return found.isPresent()
                                          || orphan == null
                                          || !orphan.tenant().equals(tenant)
                                      ? found
                                      : Optional.of(orphan.asset());
                                });
                      })
                  .build();
          Catalogs catalogs =
              Intercept.facet(Catalogs.class, facets.catalogs())
                  .replace(
                      "delete",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        return ((CompletableFuture<Void>) call.proceed())
                            .thenRun(
                                () ->
                                    created.values().stream()
                                        .filter(
                                            o ->
                                                o.tenant().equals(tenant)
                                                    && o.asset().ref().catalog().equals(name))
                                        .forEach(o -> orphans.put(o.asset().id(), o)));
                      })
                  .build();
          return facets.withAssets(assets).withCatalogs(catalogs);
        },
        List.of(
            test("CatalogCascades", "deletingACatalogRemovesItsNamespacesAssetsAndHistory"),
            test("CatalogCascades", "aCatalogRecreatedUnderItsNameStartsEmpty")));
  }

  /**
   * A fallback lookup by {@code lower(name)} when the exact name finds nothing (or a
   * case-insensitive collation on the name column).
   */
  static BrokenStore gettingIgnoringCase() {
    return new BrokenStore(
        "catalog-get-ignores-case",
        "catalogs.get finds a catalog whose name differs in case",
        facets -> {
          Catalogs honest = facets.catalogs();
          return facets.withCatalogs(
              Intercept.facet(Catalogs.class, honest)
                  .replace(
                      "get",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        return TenantBrokenStores.<Optional<Catalog>>proceed(call)
                            .thenCompose(
                                found ->
                                    found.isPresent()
                                        ? completedFuture(found)
                                        : honest
                                            .list(
                                                tenant,
                                                PageRequest.firstPage(PageRequest.MAX_LIMIT))
                                            .handle(
                                                (page, failure) ->
                                                    page == null
                                                        ? Optional.<Catalog>empty()
                                                        : page.items().stream()
                                                            .filter(
                                                                c ->
                                                                    c.name().equalsIgnoreCase(name))
                                                            .findFirst()));
                      })
                  .build());
        },
        List.of(
            test("CatalogNames", "noMethodMatchesADifferentlyWrittenName"),
            test(
                "CatalogNames",
                "catalogNamesAreComparedExactlyWithoutFoldingCaseOrNormalisingUnicode")));
  }

  /**
   * The connector branch of an update written {@code SET connector = :c, properties = :set}: a
   * connector change replaces the properties by the ones the update sets (none).
   */
  static BrokenStore connectorUpdateResettingProperties() {
    return new BrokenStore(
        "catalog-connector-update-resets-properties",
        "catalogs.update with a connector drops the properties it does not set",
        facets -> {
          Catalogs honest = facets.catalogs();
          return facets.withCatalogs(
              Intercept.facet(Catalogs.class, honest)
                  .replace(
                      "update",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        CatalogUpdate update = call.arg(2, CatalogUpdate.class);
                        if (tenant == null
                            || name == null
                            || update == null
                            || update.connector().isEmpty()
                            || update.properties().set() == null) {
                          return call.proceed();
                        }
                        return honest
                            .get(tenant, name)
                            .thenCompose(
                                current -> {
                                  if (current.isEmpty()) {
                                    return TenantBrokenStores.<Catalog>proceed(call);
                                  }
                                  Set<String> dropped =
                                      new HashSet<>(current.get().properties().keySet());
                                  dropped.removeAll(update.properties().set().keySet());
                                  return honest.update(
                                      tenant,
                                      name,
                                      CatalogUpdate.builder()
                                          .connector(update.connector().get())
                                          .properties(
                                              new PropertyUpdate(
                                                  update.properties().set(), dropped))
                                          .build());
                                });
                      })
                  .build());
        },
        List.of(test("CatalogUpdate", "aConnectorOnlyUpdateKeepsEveryProperty")));
  }

  /** {@code DELETE … WHERE lower(name) = lower(:name)}: every case variant goes. */
  static BrokenStore deletingIgnoringCase() {
    return new BrokenStore(
        "catalog-delete-ignores-case",
        "catalogs.delete removes every catalog whose name equals the name ignoring case",
        facets -> {
          Catalogs honest = facets.catalogs();
          return facets.withCatalogs(
              Intercept.facet(Catalogs.class, honest)
                  .replace(
                      "delete",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        if (tenant == null || name == null) {
                          return call.proceed();
                        }
                        return honest
                            .list(tenant, PageRequest.firstPage(PageRequest.MAX_LIMIT))
                            .handle(
                                (page, failure) ->
                                    page == null
                                        ? List.<String>of()
                                        : page.items().stream()
                                            .map(Catalog::name)
                                            .filter(other -> other.equalsIgnoreCase(name))
                                            .toList())
                            .thenCompose(
                                matches ->
                                    matches.isEmpty()
                                        ? TenantBrokenStores.<Void>proceed(call)
                                        : CompletableFuture.allOf(
                                            matches.stream()
                                                .map(match -> honest.delete(tenant, match))
                                                .toArray(CompletableFuture[]::new)));
                      })
                  .build());
        },
        List.of(
            test("CatalogDelete", "deleteRemovesExactlyTheNamedCatalog"),
            test("CatalogNames", "noMethodMatchesADifferentlyWrittenName")));
  }

  /** A next-page token on every full page of catalogs, the last one included. */
  static BrokenStore tokenOnAFullLastPage() {
    return new BrokenStore(
        "catalog-token-on-full-page",
        "catalogs.list returns a next-page token on an exactly full last page",
        facets ->
            facets.withCatalogs(
                Intercept.facet(Catalogs.class, facets.catalogs())
                    .replace("list", 2, call -> TenantBrokenStores.tokenOnFullPage(call, 1))
                    .build()),
        List.of(test("CatalogPaging", "aLastPageExactlyFullHasNoNextPageToken")));
  }

  /**
   * {@code updated_at = :now} written only in the branch that changes properties: a connector
   * replaced alone keeps the old {@code updatedAt}, on every read.
   */
  static BrokenStore connectorUpdateNotMovingUpdatedAt() {
    return new BrokenStore(
        "catalog-connector-update-keeps-updated-at",
        "catalogs.update does not move updatedAt when it only replaces the connector",
        facets -> {
          record Key(TenantId tenant, String name) {}
          Map<Key, Instant> pinned = new ConcurrentHashMap<>();
          BiFunction<TenantId, Catalog, Catalog> pin =
              (tenant, catalog) ->
                  Optional.ofNullable(pinned.get(new Key(tenant, catalog.name())))
                      .map(
                          at ->
                              new Catalog(
                                  catalog.id(),
                                  catalog.name(),
                                  catalog.source(),
                                  catalog.properties(),
                                  catalog.createdAt(),
                                  at))
                      .orElse(catalog);
          Catalogs honest = facets.catalogs();
          return facets.withCatalogs(
              Intercept.facet(Catalogs.class, honest)
                  .replace(
                      "get",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        return TenantBrokenStores.<Optional<Catalog>>proceed(call)
                            .thenApply(found -> found.map(c -> pin.apply(tenant, c)));
                      })
                  .replace(
                      "update",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        CatalogUpdate update = call.arg(2, CatalogUpdate.class);
                        if (tenant == null || name == null || update == null) {
                          return call.proceed();
                        }
                        boolean connectorOnly =
                            update.connector().isPresent() && update.properties().isEmpty();
                        return honest
                            .get(tenant, name)
                            .thenCompose(
                                before ->
                                    TenantBrokenStores.<Catalog>proceed(call)
                                        .thenApply(
                                            after -> {
                                              Key key = new Key(tenant, name);
                                              if (connectorOnly) {
                                                pinned.putIfAbsent(
                                                    key,
                                                    pin.apply(tenant, before.orElseThrow())
                                                        .updatedAt());
                                              } else {
                                                pinned.remove(key);
                                              }
                                              return pin.apply(tenant, after);
                                            }));
                      })
                  .build());
        },
        List.of(
            test(
                "CatalogTime",
                "everyKindOfUpdateOfAFederatedCatalogMovesUpdatedAtAndKeepsCreatedAt")));
  }

  /**
   * An update that replaces the connector first and validates the properties only when it gets to
   * them: the connector change stays although the call is refused.
   */
  static BrokenStore connectorBeforeValidatingProperties() {
    return new BrokenStore(
        "catalog-connector-before-validation",
        "catalogs.update replaces the connector before refusing bad properties",
        facets -> {
          Catalogs honest = facets.catalogs();
          return facets.withCatalogs(
              Intercept.facet(Catalogs.class, honest)
                  .replace(
                      "update",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        CatalogUpdate update = call.arg(2, CatalogUpdate.class);
                        if (tenant == null || update == null || update.connector().isEmpty()) {
                          return call.proceed();
                        }
                        CatalogStoreException refusal =
                            TenantBrokenStores.refusal(
                                () -> Requests.catalogUpdate(update, "update"));
                        if (refusal == null) {
                          return call.proceed();
                        }
                        return honest
                            .update(
                                tenant,
                                name,
                                CatalogUpdate.builder().connector(update.connector().get()).build())
                            .handle((updated, failure) -> null)
                            .thenCompose(ignored -> failedFuture(refusal));
                      })
                  .build());
        },
        List.of(
            test("CatalogInputRules", "anUpdateWithAGoodConnectorAndBadPropertiesChangesNothing")));
  }
}
