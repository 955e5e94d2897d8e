package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.children;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.parent;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.tenant.TenantId;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiPredicate;

/**
 * Broken stores whose defect lives in finding the namespace a call names: look-alike names that
 * match, the wrong level reported missing, and existence checked before or after validation in the
 * wrong order.
 */
final class NamespaceLookupBrokenStores {
  private NamespaceLookupBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        caseInsensitiveLookups(),
        normalisingLookups(),
        reportingAMissingTenantAsACatalog(),
        checkingExistenceBeforeProperties(),
        resolvingTheParentBeforeThePage());
  }

  /** A {@code citext} column, or {@code lower(name) = lower(:name)}: lookups ignore case. */
  static BrokenStore caseInsensitiveLookups() {
    return lookAlikeLookups(
        "namespace-case-insensitive",
        "namespace lookups match a last segment that differs only in case",
        String::equalsIgnoreCase);
  }

  /** Names normalised to NFC on lookup (but stored as given): "e\u0301" finds "é". */
  static BrokenStore normalisingLookups() {
    return lookAlikeLookups(
        "namespace-nfc-lookup",
        "namespace lookups match a last segment that differs only in its Unicode normal form",
        (stored, asked) ->
            Normalizer.normalize(stored, Normalizer.Form.NFC)
                .equals(Normalizer.normalize(asked, Normalizer.Form.NFC)));
  }

  /** A store that never checks the tenant: under a missing one, the catalog is "missing". */
  static BrokenStore reportingAMissingTenantAsACatalog() {
    return new BrokenStore(
        "namespace-missing-tenant-as-catalog",
        "namespace writes and lists under a missing tenant report the catalog as missing",
        facets -> {
          Intercept<Namespaces> broken = Intercept.facet(Namespaces.class, facets.namespaces());
          for (String method :
              List.of("create", "list", "updateProperties", "replaceProperties", "delete")) {
            broken.replace(
                method,
                method.equals("delete") ? 2 : 3,
                call ->
                    ((CompletableFuture<?>) call.proceed())
                        .exceptionallyCompose(
                            failure -> {
                              Throwable cause =
                                  failure instanceof CompletionException
                                      ? failure.getCause()
                                      : failure;
                              return cause instanceof NotFoundException notFound
                                      && notFound.missing() == ObjectType.TENANT
                                  ? failedFuture(
                                      new NotFoundException(ObjectType.CATALOG, "no catalog"))
                                  : failedFuture(cause);
                            }));
          }
          return facets.withNamespaces(broken.build());
        },
        List.of(
            test(
                "NamespaceNotFound",
                "notFoundSaysWhetherTheTenantTheCatalogOrTheNamespaceIsMissing")));
  }

  /** Properties checked by the database after the row was found, so absence is reported first. */
  static BrokenStore checkingExistenceBeforeProperties() {
    return new BrokenStore(
        "namespace-existence-before-validation",
        "namespaces.updateProperties and replaceProperties look the namespace up before"
            + " validating the properties",
        facets -> {
          Namespaces honest = facets.namespaces();
          Intercept<Namespaces> broken = Intercept.facet(Namespaces.class, honest);
          for (String method : List.of("updateProperties", "replaceProperties")) {
            broken.replace(
                method,
                3,
                call ->
                    attempt(
                        () -> {
                          Optional<Namespace> found;
                          try {
                            found =
                                join(
                                    honest.get(
                                        call.arg(0, TenantId.class),
                                        call.arg(1, NamespaceRef.class)));
                          } catch (CompletionException badAddress) {
                            return (CompletableFuture<?>) call.proceed();
                          }
                          return found.isEmpty()
                              ? failedFuture(
                                  new NotFoundException(ObjectType.NAMESPACE, "no namespace"))
                              : (CompletableFuture<?>) call.proceed();
                        }));
          }
          return facets.withNamespaces(broken.build());
        },
        List.of(
            test(
                "NamespaceInputRules",
                "everyMethodReportsBadInputBeforeAMissingTenantCatalogOrNamespace")));
  }

  /** The parent resolved first, the page request validated only when there is a page to read. */
  static BrokenStore resolvingTheParentBeforeThePage() {
    return new BrokenStore(
        "namespace-list-parent-before-page",
        "namespaces.list reports a missing parent before a bad page request",
        facets -> {
          Namespaces honest = facets.namespaces();
          Catalogs catalogs = facets.catalogs();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef parent = call.arg(1, NamespaceRef.class);
                                boolean exists;
                                try {
                                  exists =
                                      parent.path().isRoot()
                                          ? join(catalogs.get(tenant, parent.catalog())).isPresent()
                                          : join(honest.get(tenant, parent)).isPresent();
                                } catch (RuntimeException badAddress) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                return exists
                                    ? (CompletableFuture<?>) call.proceed()
                                    : failedFuture(
                                        new NotFoundException(ObjectType.NAMESPACE, "no parent"));
                              }))
                  .build());
        },
        List.of(
            test(
                "NamespaceInputRules",
                "everyMethodReportsBadInputBeforeAMissingTenantCatalogOrNamespace")));
  }

  private static BrokenStore lookAlikeLookups(
      String name, String defect, BiPredicate<String, String> same) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Namespaces honest = facets.namespaces();
          Intercept<Namespaces> broken = Intercept.facet(Namespaces.class, honest);
          for (String method : List.of("get", "delete")) {
            broken.replace(
                method,
                2,
                call ->
                    call.proceed(
                        call.arg(0, Object.class),
                        resolve(
                            honest,
                            call.arg(0, TenantId.class),
                            call.arg(1, NamespaceRef.class),
                            same)));
          }
          for (String method : List.of("updateProperties", "replaceProperties")) {
            broken.replace(
                method,
                3,
                call ->
                    call.proceed(
                        call.arg(0, Object.class),
                        resolve(
                            honest,
                            call.arg(0, TenantId.class),
                            call.arg(1, NamespaceRef.class),
                            same),
                        call.arg(2, Object.class)));
          }
          return facets.withNamespaces(broken.build());
        },
        List.of(test("NamespaceInputRules", "noMethodFindsANamespaceByADifferentlyWrittenName")));
  }

  /** {@code ref}, or the sibling whose last segment {@code same} takes for it. */
  private static NamespaceRef resolve(
      Namespaces honest, TenantId tenant, NamespaceRef ref, BiPredicate<String, String> same) {
    try {
      Optional<Namespace> exact = join(honest.get(tenant, ref));
      if (exact.isPresent()) {
        return ref;
      }
      for (Namespace sibling : children(honest, tenant, parent(ref))) {
        if (same.test(sibling.path().lastSegment(), ref.path().lastSegment())) {
          return sibling.ref();
        }
      }
    } catch (RuntimeException badOrMissing) {
      // the honest call reports it
    }
    return ref;
  }
}
