package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.proceeding;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Broken stores that validate asset input too late: after writing part of it, or after looking the
 * namespace up.
 */
final class AssetValidationOrderBrokenStores {
  private AssetValidationOrderBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        insertingBeforeValidatingProperties(),
        settingBeforeValidatingRemovals(),
        checkingTheNamespaceBeforeValidating());
  }

  /**
   * The asset row is inserted first and its properties second, outside one transaction: bad
   * properties fail the second statement and leave the asset behind.
   */
  static BrokenStore insertingBeforeValidatingProperties() {
    return new BrokenStore(
        "insert-before-validating-properties",
        "assets.create inserts the asset, then fails on bad properties without undoing it",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        NewAsset request = call.arg(2, NewAsset.class);
                        InvalidArgumentException bad =
                            request == null || request.kind() == null
                                ? null
                                : invalid(
                                    () ->
                                        Inputs.properties(
                                            request.properties(), "request.properties"));
                        if (bad == null) {
                          return call.proceed();
                        }
                        NewAsset withoutProperties =
                            NewAsset.builder(request.kind())
                                .location(request.location().orElse(null))
                                .metadataLocation(request.metadataLocation().orElse(null))
                                .build();
                        return honest
                            .create(tenant, asset, withoutProperties)
                            .thenCompose(created -> failedFuture(bad));
                      })
                  .build());
        },
        List.of(test("AssetInputRules", "aCreateWithAGoodNameAndBadPropertiesCreatesNothing")));
  }

  /** The keys to set are written by one statement and the removals checked by the next. */
  static BrokenStore settingBeforeValidatingRemovals() {
    return new BrokenStore(
        "set-before-validating-removals",
        "assets.updateProperties applies the keys to set before refusing bad removals",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "updateProperties",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        PropertyUpdate update = call.arg(2, PropertyUpdate.class);
                        InvalidArgumentException bad =
                            update == null
                                ? null
                                : invalid(() -> Inputs.propertyUpdate(update, "update"));
                        if (bad == null || !bad.field().equals("update.remove")) {
                          return call.proceed();
                        }
                        return honest
                            .updateProperties(tenant, asset, PropertyUpdate.setting(update.set()))
                            .thenCompose(set -> failedFuture(bad));
                      })
                  .build());
        },
        List.of(test("AssetInputRules", "anUpdateWithGoodKeysToSetAndABadKeyToRemoveSetsNothing")));
  }

  /** The create looks its namespace up before it validates the request. */
  static BrokenStore checkingTheNamespaceBeforeValidating() {
    return new BrokenStore(
        "existence-before-validation",
        "assets.create reports a missing namespace before bad input",
        facets -> {
          Namespaces namespaces = facets.namespaces();
          return facets.withAssets(
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        if (tenant == null
                            || asset == null
                            || asset.branch() == null
                            || asset.namespace() == null
                            || asset.namespace().isRoot()) {
                          return call.proceed();
                        }
                        return namespaces
                            .get(tenant, asset.namespaceRef())
                            .exceptionally(failure -> Optional.empty())
                            .thenCompose(
                                found ->
                                    found.isPresent()
                                        ? proceeding(call)
                                        : failedFuture(
                                            new NotFoundException(
                                                ObjectType.NAMESPACE,
                                                "namespace "
                                                    + asset.namespaceRef()
                                                    + " does not exist")));
                      })
                  .build());
        },
        List.of(
            test(
                "AssetInputRules", "badInputWhereNothingExistsIsStillInvalidArgumentNotNotFound")));
  }

  private static InvalidArgumentException invalid(Runnable validation) {
    try {
      validation.run();
      return null;
    } catch (InvalidArgumentException e) {
      return e;
    }
  }
}
